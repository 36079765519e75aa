using FlowCompiler.Runtime.Actions.Mail;

namespace FlowCompiler.Tests.Actions.Mail;

public sealed class HtmlTextAlternativeTests
{
    [Theory]
    [InlineData("<p>One</p><p>Two</p>", "One\n\nTwo")]
    [InlineData("Line<br>break<br/>again", "Line\nbreak\nagain")]
    [InlineData("<ul><li>a</li><li>b</li></ul>", "- a\n- b")]
    [InlineData("<a href=\"https://x.example/\">https://x.example/</a>", "https://x.example/")]
    [InlineData("<a href=\"https://x.example/\">panel</a>", "panel (https://x.example/)")]
    [InlineData("  many \n\t spaces  ", "many spaces")]
    [InlineData("<script>alert(1)</script>&lt;tag&gt; &amp; &auml;", "<tag> & ä")]
    [InlineData("<table><tr><td>cpu</td><td>4</td></tr><tr><td>ram</td><td>8</td></tr></table>", "cpu\t4\nram\t8")]
    public void Keeps_the_readable_text(string html, string text) =>
        Assert.Equal(text, HtmlTextAlternative.From(html));
}

using System.Text;
using MimeKit.Text;

namespace FlowCompiler.Runtime.Actions.Mail;

/// <summary>
/// Derives the text/plain alternative of an HTML mail: clients that do not show HTML, and spam
/// filters that penalise HTML-only mail, read this part.
/// </summary>
internal static class HtmlTextAlternative
{
    /// <summary>The readable text of <paramref name="html"/>: paragraphs and line breaks kept, links as "text (url)".</summary>
    public static string From(string html)
    {
        var text = new StringBuilder(html.Length);
        var tokenizer = new HtmlTokenizer(new StringReader(html));
        var hiddenDepth = 0;
        string? linkTarget = null;

        while (tokenizer.ReadNextToken(out var token))
        {
            if (token is HtmlTagToken tag)
            {
                if (IsHidden(tag.Id))
                {
                    hiddenDepth = tag.IsEndTag ? Math.Max(0, hiddenDepth - 1) : hiddenDepth + (tag.IsEmptyElement ? 0 : 1);
                }
                else if (tag.Id == HtmlTagId.A)
                {
                    linkTarget = CloseLink(text, tag, linkTarget);
                }
                else
                {
                    BreakLine(text, tag);
                }
            }
            else if (token.Kind == HtmlTokenKind.Data && hiddenDepth == 0)
            {
                AppendCollapsingWhitespace(text, ((HtmlDataToken)token).Data);
            }
        }

        return text.ToString().Trim();
    }

    // Content of these elements is never shown to the reader.
    private static bool IsHidden(HtmlTagId id) =>
        id is HtmlTagId.Head or HtmlTagId.Title or HtmlTagId.Script or HtmlTagId.Style;

    // An opening <a> remembers its target; the closing one writes it after the link text,
    // unless the text already is the address.
    private static string? CloseLink(StringBuilder text, HtmlTagToken tag, string? openTarget)
    {
        if (!tag.IsEndTag)
        {
            return tag.Attributes.FirstOrDefault(a => a.Id == HtmlAttributeId.Href)?.Value;
        }

        if (!string.IsNullOrWhiteSpace(openTarget) && !EndsWith(text, openTarget))
        {
            text.Append(" (").Append(openTarget).Append(')');
        }

        return null;
    }

    private static void BreakLine(StringBuilder text, HtmlTagToken tag)
    {
        switch (tag.Id)
        {
            case HtmlTagId.Br:
                TrimTrailingSpace(text);
                text.Append('\n');
                break;
            case HtmlTagId.P or HtmlTagId.H1 or HtmlTagId.H2 or HtmlTagId.H3 or HtmlTagId.H4 or HtmlTagId.H5
                or HtmlTagId.H6 or HtmlTagId.Table or HtmlTagId.UL or HtmlTagId.OL or HtmlTagId.BlockQuote
                or HtmlTagId.Pre or HtmlTagId.HR:
                EndLines(text, 2);
                break;
            case HtmlTagId.Div or HtmlTagId.TR:
                EndLines(text, 1);
                break;
            case HtmlTagId.LI:
                EndLines(text, 1);
                if (!tag.IsEndTag)
                {
                    text.Append("- ");
                }

                break;
            case HtmlTagId.TD or HtmlTagId.TH when !tag.IsEndTag && text.Length > 0 && text[^1] != '\n':
                TrimTrailingSpace(text);
                text.Append('\t');
                break;
        }
    }

    // HTML shows any run of whitespace as one space.
    private static void AppendCollapsingWhitespace(StringBuilder text, string data)
    {
        foreach (var c in data)
        {
            if (!char.IsWhiteSpace(c))
            {
                text.Append(c);
            }
            else if (text.Length > 0 && text[^1] is not (' ' or '\n' or '\t'))
            {
                text.Append(' ');
            }
        }
    }

    // Ends the text with exactly `count` line breaks, so blocks are separated but never by more.
    private static void EndLines(StringBuilder text, int count)
    {
        TrimTrailingSpace(text);
        if (text.Length == 0)
        {
            return;
        }

        var present = 0;
        while (present < text.Length && text[text.Length - 1 - present] == '\n')
        {
            present++;
        }

        text.Append('\n', Math.Max(0, count - present));
    }

    private static void TrimTrailingSpace(StringBuilder text)
    {
        while (text.Length > 0 && text[^1] is ' ' or '\t')
        {
            text.Length--;
        }
    }

    private static bool EndsWith(StringBuilder text, string value) =>
        text.Length >= value.Length && text.ToString(text.Length - value.Length, value.Length) == value;
}

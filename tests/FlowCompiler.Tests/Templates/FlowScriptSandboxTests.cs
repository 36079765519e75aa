using FlowCompiler.Runtime.Execution;
using Scriban.Runtime;
using Scriban.Syntax;

namespace FlowCompiler.Tests.Templates;

/// <summary>
/// The runtime does not rely on the compiler's checks alone: an expression that reached it anyway still finds
/// no loader, no reflection or evaluation builtin, no clock and no randomness, and runs within fixed limits.
/// </summary>
public sealed class FlowScriptSandboxTests
{
    [Theory]
    [InlineData("include \"secrets.txt\"")]
    [InlineData("include_join [\"a\"] \",\"")]
    [InlineData("object.eval_template \"{{ 1 }}\"")]
    [InlineData("object.typeof 1")]
    [InlineData("date.now")]
    [InlineData("math.random 1 10")]
    [InlineData("math.uuid")]
    [InlineData("timespan.from_days 1")]
    [InlineData("array.cycle [\"a\", \"b\"]")]
    public void Builtins_that_are_not_allowed_do_not_exist_at_run_time(string expression)
    {
        // A call of a missing function fails; a missing member (date.now) reads as null, which renders nothing.
        string? rendered;
        try
        {
            rendered = FlowScript.Parse(expression).Render(new ScriptObject());
        }
        catch (ScriptRuntimeException)
        {
            rendered = null;
        }

        Assert.True(string.IsNullOrEmpty(rendered), $"{expression} rendered \"{rendered}\"");
    }

    [Fact]
    public void The_shared_builtins_cannot_be_changed_by_an_expression()
    {
        Assert.ThrowsAny<ScriptRuntimeException>(() => FlowScript.Parse("string.upcase = 1").Render(new ScriptObject()));

        Assert.Equal("A", FlowScript.Parse("\"a\" | string.upcase").Render(new ScriptObject()));
    }

    [Fact]
    public void Reflection_reaches_only_the_listed_datetime_members()
    {
        var model = new ScriptObject { ["t"] = new DateTime(2024, 2, 23, 18, 0, 25, DateTimeKind.Utc) };

        Assert.Equal("2024 54", FlowScript.Parse("t.year + \" \" + t.day_of_year").Render(model));
        Assert.Equal("", FlowScript.Parse("t.ticks").Render(model));
    }

    [Fact]
    public void A_runaway_regex_fails_instead_of_running_on() =>
        Assert.Contains("timed out", Assert.ThrowsAny<ScriptRuntimeException>(() =>
            FlowScript.Parse("s | regex.match \"(a+)+$\"").Render(new ScriptObject { ["s"] = new string('a', 40) + "!" })).Message, StringComparison.Ordinal);

    [Fact]
    public void Renders_run_without_a_loader_and_within_limits()
    {
        var context = FlowScript.CreateContext(new ScriptObject());

        Assert.Null(context.TemplateLoader);
        Assert.Equal(FlowScript.RegexTimeout, context.RegexTimeOut);
        Assert.Equal(FlowScript.LoopLimit, context.LoopLimit);
        Assert.Equal(FlowScript.RecursiveLimit, context.RecursiveLimit);
        Assert.Equal(FlowScript.OutputLimit, context.LimitToString);
        Assert.False(context.EnableRelaxedFunctionAccess);
    }

    [Fact]
    public void Every_allowed_function_exists_and_nothing_else_does()
    {
        foreach (var function in FlowScriptBuiltins.Functions)
        {
            var dot = function.IndexOf('.', StringComparison.Ordinal);
            Assert.NotNull(FlowScriptBuiltins.Find(function[..dot], function[(dot + 1)..]));
        }

        Assert.Null(FlowScriptBuiltins.Find("date", "now"));
        Assert.Null(FlowScriptBuiltins.Find("object", "eval"));
        Assert.Null(FlowScriptBuiltins.Find("include", "include"));
    }
}

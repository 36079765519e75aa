namespace FlowCompiler.Bench.Templates;

/// <summary>The three templates of the template suite.</summary>
public enum TemplateKind
{
    /// <summary><see cref="Flows.BenchFlows.FiveHoles"/>: plain text, five holes of mixed types.</summary>
    FiveHoles,

    /// <summary><see cref="Flows.BenchFlows.JsonBody"/>: a webhook body, with hostile strings.</summary>
    JsonBody,

    /// <summary><see cref="Flows.BenchFlows.HtmlMail"/>: an HTML mail, holes HTML-encoded.</summary>
    HtmlMail,
}

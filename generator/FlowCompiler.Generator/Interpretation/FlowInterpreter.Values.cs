using System.Globalization;
using FlowCompiler.Generator.Binding;
using FlowCompiler.Generator.Templates;
using FlowCompiler.Runtime.Execution;

namespace FlowCompiler.Generator.Interpretation;

/// <summary>The values of a <c>modifyServer</c> change, typed as the generated code types them: <see cref="int"/>, <see cref="decimal"/> or text.</summary>
public sealed partial class FlowInterpreter
{
    private object ServerValue(BoundNode node, ServerActionValue value, BoundTemplate template, RunValues values) => value.Kind switch
    {
        ServerValueKind.WholeNumber => IntValue(node, value.Name, template, value.Min, value.Max, values),
        ServerValueKind.Decimal => template.IsConstant
            ? decimal.Parse(template.Source, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture)
            : FlowValues.ParseDecimal(_templates.Render(template, node, values), value.Name, value.Min),
        _ => _templates.Render(template, node, values),
    };
}

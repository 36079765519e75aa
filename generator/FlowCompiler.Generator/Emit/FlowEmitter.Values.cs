using System.Globalization;
using FlowCompiler.Generator.Binding;
using FlowCompiler.Generator.Templates;

namespace FlowCompiler.Generator.Emit;

/// <summary>
/// The values of a <c>modifyServer</c> change, typed as the action takes them, so its effect shows numbers as
/// numbers (spec §7): whole numbers and decimals are literals when written literally (the binder checked them)
/// and parsed when the flow runs when they are templates; text is rendered.
/// </summary>
public sealed partial class FlowEmitter
{
    private string ServerValue(BoundNode node, ServerActionValue value, BoundTemplate template) => value.Kind switch
    {
        ServerValueKind.WholeNumber => IntValue(node, value.Name, template, value.Min, value.Max),
        ServerValueKind.Decimal => template.IsConstant
            ? CSharpText.Literal(decimal.Parse(template.Source, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture))
            : $"FlowValues.ParseDecimal({RenderTemplate(node, value.Name, template)}, {CSharpText.Literal(value.Name)}, {CSharpText.Literal(value.Min)}m)",
        _ => RenderTemplate(node, value.Name, template),
    };
}

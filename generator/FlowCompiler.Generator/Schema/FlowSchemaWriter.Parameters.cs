using System.Text.Json.Nodes;
using FlowCompiler.Generator.Binding;
using FlowCompiler.Generator.Model;
using FlowCompiler.Runtime.Events;

namespace FlowCompiler.Generator.Schema;

/// <summary>The <c>parameters</c> object of each node type, parameter by parameter from its catalog entry.</summary>
public static partial class FlowSchemaWriter
{
    // The filter operations that compare with a value that cannot be a boolean (ordering, and the string tests).
    private static readonly string[] NonBooleanOperations = ["<", "<=", ">", ">=", "contains", "notContains", "startsWith", "endsWith", "matches"];

    private static readonly string[] ValueFreeOperations = ["empty", "notEmpty"];

    private static JsonObject Parameters(NodeTypeSpec spec)
    {
        var properties = new JsonObject();
        foreach (var parameter in spec.Parameters.Where(p => !IsServerActionValue(spec, p)))
        {
            properties[parameter.Name] = Parameter(spec, parameter);
        }

        var schema = new JsonObject
        {
            ["description"] = spec.Description,
            ["type"] = "object",
            ["required"] = Strings([.. spec.Parameters.Where(p => p.Required).Select(p => p.Name)]),
        };
        var conditions = spec.Type switch
        {
            NodeTypes.Filter => FilterConditions(),
            NodeTypes.DbJoin => JoinFieldConditions(),
            NodeTypes.ModifyServer => ServerActionConditions(spec),
            _ => null,
        };

        // modifyServer declares each action's values inside its condition, so unknown names are found after those.
        schema[spec.Type == NodeTypes.ModifyServer ? "unevaluatedProperties" : "additionalProperties"] = false;
        schema["properties"] = properties;
        if (conditions is not null)
        {
            schema["allOf"] = conditions;
        }

        return schema;
    }

    private static JsonObject Parameter(NodeTypeSpec spec, ParameterSpec parameter)
    {
        var schema = (spec.Type, parameter.Name) switch
        {
            (NodeTypes.Event, "event") => new JsonObject { ["enum"] = Strings([.. parameter.Choices]) },
            (NodeTypes.DbJoin, "from") => new JsonObject { ["enum"] = Strings([.. TableCatalog.Names]) },
            (NodeTypes.DbJoin, "joinField") => new JsonObject { ["type"] = "string" },
            (NodeTypes.ModifyServer, "component") => new JsonObject { ["enum"] = Strings([.. ServerActions.Components]) },
            (NodeTypes.ModifyServer, "action") => new JsonObject { ["enum"] = Strings([.. ServerActions.All.Select(a => a.Name)]) },
            (_, "contentType") => Ref("contentType"),
            _ => ByRole(parameter),
        };

        schema.Insert(0, "description", spec.Type == NodeTypes.Event ? EventDescription(parameter) : parameter.Description);
        if (parameter.Kinds == ParameterKinds.Bool)
        {
            schema["default"] = false;
        }

        return schema;
    }

    private static JsonObject ByRole(ParameterSpec parameter) => parameter.Role switch
    {
        ParameterRole.Choice => new JsonObject { ["enum"] = Strings([.. parameter.Choices]) },
        ParameterRole.FieldPath => Ref("fieldPath"),
        ParameterRole.NewField => Ref("asName"),
        ParameterRole.Url => Ref("url"),
        ParameterRole.Headers => Ref("headers"),
        ParameterRole.Literal => new JsonObject { ["type"] = "boolean" },
        ParameterRole.FilterValue => new JsonObject { ["type"] = Strings("string", "number", "boolean") },
        ParameterRole.Example => new JsonObject { ["type"] = Strings("object", "array") },
        _ when parameter.Kinds.HasFlag(ParameterKinds.Number) => NumberOrTemplate(Integer(parameter.Minimum, int.MaxValue)),
        _ => Ref("template"),
    };

    // A literal number is read as an int (int.TryParse), so it lies within int's range at most.
    private static JsonObject Integer(int? minimum, int maximum)
    {
        var schema = new JsonObject { ["type"] = "integer" };
        if (minimum is { } min)
        {
            schema["minimum"] = min;
        }

        schema["maximum"] = maximum;
        return schema;
    }

    private static JsonObject NumberOrTemplate(JsonObject number) => new() { ["anyOf"] = new JsonArray(number, Ref("template")) };

    private static string EventDescription(ParameterSpec parameter)
    {
        var payloads = FlowEvents.All.GroupBy(e => e.PayloadType).Select(g =>
            $"{string.Join(", ", g.Select(e => e.Name))} {(g.Count() == 1 ? "carries" : "carry")} {string.Join(", ", EventCatalog.PayloadOf(g.First()).Fields.Select(f => f.Name))}");
        return $"{parameter.Description} {string.Join("; ", payloads)}.";
    }

    private static JsonArray FilterConditions() =>
    [
        new JsonObject
        {
            ["if"] = OperationIn(ValueFreeOperations),
            ["then"] = new JsonObject { ["properties"] = new JsonObject { ["value"] = new JsonObject { ["const"] = "" } } },
            ["else"] = new JsonObject { ["required"] = Strings("value") },
        },
        new JsonObject
        {
            ["if"] = OperationIn(NonBooleanOperations),
            ["then"] = new JsonObject { ["properties"] = new JsonObject { ["value"] = new JsonObject { ["type"] = Strings("string", "number") } } },
        },
    ];

    private static JsonObject OperationIn(string[] operations) => new()
    {
        ["required"] = Strings("operation"),
        ["properties"] = new JsonObject { ["operation"] = new JsonObject { ["enum"] = Strings(operations) } },
    };

    // A join compares one column: the scalar columns of the table named in "from".
    private static JsonArray JoinFieldConditions()
    {
        var conditions = new JsonArray();
        foreach (var table in TableCatalog.Names)
        {
            var columns = TableCatalog.Find(table)!.Fields.Where(f => f.Type is ScalarType).Select(f => f.Name).ToArray();
            conditions.Add(new JsonObject
            {
                ["if"] = new JsonObject
                {
                    ["required"] = Strings("from"),
                    ["properties"] = new JsonObject { ["from"] = new JsonObject { ["const"] = table } },
                },
                ["then"] = new JsonObject { ["properties"] = new JsonObject { ["joinField"] = new JsonObject { ["enum"] = Strings(columns) } } },
            });
        }

        return conditions;
    }

    private static bool IsServerActionValue(NodeTypeSpec spec, ParameterSpec parameter) =>
        spec.Type == NodeTypes.ModifyServer && ServerActions.AllValueNames.Contains(parameter.Name);

    private static JsonArray ServerActionConditions(NodeTypeSpec spec)
    {
        var conditions = new JsonArray();
        foreach (var component in ServerActions.Components)
        {
            conditions.Add(new JsonObject
            {
                ["if"] = new JsonObject
                {
                    ["required"] = Strings("component"),
                    ["properties"] = new JsonObject { ["component"] = new JsonObject { ["const"] = component } },
                },
                ["then"] = new JsonObject
                {
                    ["properties"] = new JsonObject
                    {
                        ["action"] = new JsonObject { ["enum"] = Strings([.. ServerActions.All.Where(a => a.Component == component).Select(a => a.Name)]) },
                    },
                },
            });
        }

        foreach (var action in ServerActions.All)
        {
            var values = new JsonObject();
            foreach (var value in action.Values)
            {
                values[value.Name] = ServerActionValue(value, spec.Find(value.Name)!);
            }

            conditions.Add(new JsonObject
            {
                ["if"] = new JsonObject
                {
                    ["required"] = Strings("action"),
                    ["properties"] = new JsonObject { ["action"] = new JsonObject { ["const"] = action.Name } },
                },
                ["then"] = new JsonObject
                {
                    ["required"] = Strings([.. action.Values.Select(v => v.Name)]),
                    ["properties"] = values,
                },
            });
        }

        return conditions;
    }

    private static JsonObject ServerActionValue(ServerActionValue value, ParameterSpec parameter)
    {
        var description = char.ToUpperInvariant(value.Description[0]) + value.Description[1..];
        if (!parameter.Kinds.HasFlag(ParameterKinds.Number))
        {
            return Ref("template", $"{description} (template).");
        }

        var number = value.IsInteger
            ? Integer(value.Min, value.Max)
            : new JsonObject { ["type"] = "number", ["minimum"] = value.Min };
        var schema = NumberOrTemplate(number);
        schema.Insert(0, "description", $"{description}: a number, or a template that renders one when the flow runs.");
        return schema;
    }
}

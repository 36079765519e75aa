using System.Collections.Immutable;
using System.Globalization;
using FlowCompiler.Generator.Model;

namespace FlowCompiler.Tests.Interpretation;

/// <summary>
/// Builds a random valid flow from a stream of choices, through the model and the canonical writer: every
/// node type that runs against <c>InMemoryFlowServices</c>, filters of every operation (narrowing included),
/// templates in every escape context with hostile literal text, Scriban holes, and values that may fail at run time.
/// </summary>
internal sealed class RandomFlowBuilder
{
    private const int MaxNodes = 12;
    private const int MaxDepth = 5;

    private static readonly string[] Events = ["server.created", "server.created", "account.registration", "account.balanceAdded"];
    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE"];
    private static readonly string[] Patterns = ["^ub", "[0-9]+", "(a|B)*c", "\\d{2}", "^$", "é|🚀"];

    private const string RestExample = """{"vlan": {"id": 120, "name": "fra"}, "items": [{"n": 1.5, "s": "a"}], "note": null, "ok": true, "bad-key": 1}""";

    private readonly Choices _choices;
    private readonly RandomTemplates _templates;
    private readonly List<FlowNode> _nodes = [];
    private readonly List<FlowEdge> _edges = [];
    private int _outputs;

    private RandomFlowBuilder(Choices choices)
    {
        _choices = choices;
        _templates = new RandomTemplates(choices);
    }

    public static FlowDocument Build(int[] choices)
    {
        var builder = new RandomFlowBuilder(new Choices(choices));
        var eventName = builder._choices.Pick(Events);
        builder.Add("trigger", "event", [P("event", eventName)]);
        var scope = ScopeModel.ForEvent(eventName);
        var children = 1 + builder._choices.Next(3);
        for (var i = 0; i < children; i++)
        {
            builder.AddNode("trigger", FlowEdge.OutPort, scope, 1);
        }

        return new FlowDocument("random-flow", "Random flow", null, [.. builder._nodes], [.. builder._edges], null);
    }

    private void AddNode(string parent, string port, ScopeModel scope, int depth)
    {
        if (_nodes.Count >= MaxNodes)
        {
            return;
        }

        var id = _choices.Chance(20) ? $"n{_nodes.Count}-x_Y" : $"n{_nodes.Count}";
        _edges.Add(new FlowEdge(parent, port, id, _edges.Count));
        var type = _choices.Pick(["filter", "filter", "addField", "dbJoin", "loadTags", "ipam", "rest", "sendMail", "webhook", "createTicket", "modifyServer"]);
        var (parameters, below, whenTrue) = type switch
        {
            "filter" => Filter(scope),
            "addField" => Output(scope, o => ([P("as", o), P("value", _templates.Plain(scope))], [new ScopeField(o, FieldKind.String, false)])),
            "dbJoin" => DbJoin(scope),
            "loadTags" => LoadTags(scope),
            "ipam" => Ipam(scope),
            "rest" => Rest(scope),
            "sendMail" => (SendMail(scope), scope, null),
            "webhook" => (Webhook(scope), scope, null),
            "createTicket" => CreateTicket(scope),
            _ => (ModifyServer(scope), scope, null),
        };
        Add(id, type, parameters);
        if (depth >= MaxDepth)
        {
            return;
        }

        if (type == "filter")
        {
            Children(id, "true", whenTrue!, depth);
            Children(id, "false", below, depth);
        }
        else
        {
            Children(id, FlowEdge.OutPort, below, depth);
        }
    }

    private void Children(string parent, string port, ScopeModel scope, int depth)
    {
        var count = _choices.Next(depth <= 2 ? 3 : 2);
        for (var i = 0; i < count; i++)
        {
            AddNode(parent, port, scope, depth + 1);
        }
    }

    private void Add(string id, string type, List<KeyValuePair<string, ParameterValue>> parameters) =>
        _nodes.Add(new FlowNode(id, type, [.. parameters], null, _nodes.Count));

    private (List<KeyValuePair<string, ParameterValue>>, ScopeModel, ScopeModel?) Output(
        ScopeModel scope, Func<string, (List<KeyValuePair<string, ParameterValue>>, IEnumerable<ScopeField>)> build)
    {
        var name = "out" + ++_outputs;
        var (parameters, fields) = build(name);
        return (parameters, scope.With(fields), null);
    }

    private (List<KeyValuePair<string, ParameterValue>>, ScopeModel, ScopeModel?) Filter(ScopeModel scope)
    {
        var candidates = scope.Fields;
        var field = _choices.Pick(candidates);
        var parameters = new List<KeyValuePair<string, ParameterValue>> { P("field", field.Path) };
        var operations = field.Kind switch
        {
            FieldKind.String => new[] { "=", "!=", "contains", "notContains", "startsWith", "endsWith", "matches", "empty", "notEmpty" },
            FieldKind.Bool => ["=", "!=", "empty", "notEmpty"],
            FieldKind.List => ["empty", "notEmpty"],
            _ => ["=", "!=", "<", "<=", ">", ">=", "empty", "notEmpty"],
        };
        var operation = _choices.Pick(operations);
        parameters.Add(P("operation", operation));
        if (operation is not ("empty" or "notEmpty"))
        {
            var others = scope.Of(field.Kind, single: true).Where(f => f.Path != field.Path).ToList();
            parameters.Add(KeyValuePair.Create("value", operation != "matches" && others.Count > 0 && _choices.Chance(25)
                ? new StringParameter("{{" + _choices.Pick(others).Path + "}}")
                : Constant(field.Kind, operation)));
        }

        if (field.Kind == FieldKind.String && _choices.Chance(40))
        {
            parameters.Add(KeyValuePair.Create("ignoreCase", (ParameterValue)new BoolParameter(true)));
        }

        // A filter through an array narrows it on the true port (spec §5).
        var whenTrue = field.Array is { } array && field.Path != array && scope.IsMany(field) ? scope.WithNarrowed(array) : scope;
        return (parameters, scope, whenTrue);
    }

    private ParameterValue Constant(FieldKind kind, string operation) => kind switch
    {
        FieldKind.Int => new NumberParameter(_choices.Pick(["0", "1", "2", "4", "100", "-3", "1337"])),
        FieldKind.Decimal => new NumberParameter(_choices.Pick(["0", "7.5", "10", "12.90", "-1.25"])),
        FieldKind.Bool => new BoolParameter(_choices.Chance(50)),
        FieldKind.DateTime => new StringParameter(_choices.Pick(["2024-02-23T18:00:25Z", "2000-01-01T00:00:00Z", "2030-06-15T12:00:00+02:00"])),
        _ when operation == "matches" => new StringParameter(_choices.Pick(Patterns)),
        _ => new StringParameter(_choices.Pick(["vip", "VIP", "ubuntu", "a", "", "quote \" back \\", "é🚀", "line\u2028", "pve-fra-1"])),
    };

    private (List<KeyValuePair<string, ParameterValue>>, ScopeModel, ScopeModel?) DbJoin(ScopeModel scope)
    {
        var ints = scope.Of(FieldKind.Int, single: true);
        var input = ints.Count > 0 ? _choices.Pick(ints).Path : "id";
        return _choices.Next(4) switch
        {
            0 => Output(scope, o => (Join("users", input, "id", o),
                [new ScopeField(o + ".id", FieldKind.Int, true), new(o + ".username", FieldKind.String, true), new(o + ".email", FieldKind.String, true), new(o + ".permission", FieldKind.Int, true)])),
            1 => Output(scope, o => (Join("servers", input, "userid", o),
                [new ScopeField(o, FieldKind.List, false, o), new(o + ".hostname", FieldKind.String, false, o), new(o + ".cpu", FieldKind.Int, false, o), new(o + ".status", FieldKind.String, false, o)])),
            2 => Output(scope, o => (Join("packages", input, "id", o),
                [new ScopeField(o + ".name", FieldKind.String, true), new(o + ".price", FieldKind.Decimal, true), new(o + ".meta.tier", FieldKind.String, true)])),
            _ => Output(scope, o => (Join("charges", input, "serverId", o),
                [new ScopeField(o, FieldKind.List, false, o), new(o + ".price", FieldKind.Decimal, false, o), new(o + ".description", FieldKind.String, false, o)])),
        };
    }

    private static List<KeyValuePair<string, ParameterValue>> Join(string table, string input, string column, string output) =>
        [P("from", table), P("inputField", input), P("joinField", column), P("as", output)];

    private (List<KeyValuePair<string, ParameterValue>>, ScopeModel, ScopeModel?) LoadTags(ScopeModel scope)
    {
        var ints = scope.Of(FieldKind.Int, single: true);
        var input = ints.Count > 0 ? _choices.Pick(ints).Path : "id";
        return Output(scope, o => ([P("for", _choices.Pick(["server", "user"])), P("inputField", input), P("as", o)],
            [new ScopeField(o, FieldKind.List, false, o), new(o + ".id", FieldKind.Int, false, o), new(o + ".name", FieldKind.String, false, o)]));
    }

    private (List<KeyValuePair<string, ParameterValue>>, ScopeModel, ScopeModel?) Ipam(ScopeModel scope) => Output(scope, o =>
    {
        var v4 = _choices.Chance(50);
        var parameters = new List<KeyValuePair<string, ParameterValue>> { P("family", v4 ? "ipv4" : "ipv6"), P("as", o) };
        if (_choices.Chance(60))
        {
            parameters.Add(P("node", _choices.Chance(50) ? "pve-1" : _templates.Plain(scope)));
        }

        if (_choices.Chance(60))
        {
            parameters.Add(P("userId", _choices.Chance(30) ? "7" : _templates.Whole(scope, 1, int.MaxValue)));
        }

        return (parameters, [new ScopeField(o + ".id", FieldKind.Int, false), new(o + ".ip", FieldKind.String, false), new(o + (v4 ? ".subnet" : ".prefix"), FieldKind.Int, false)]);
    });

    private (List<KeyValuePair<string, ParameterValue>>, ScopeModel, ScopeModel?) Rest(ScopeModel scope) => Output(scope, o =>
    {
        var parameters = Request(scope);
        parameters.Add(KeyValuePair.Create("exampleResponse", (ParameterValue)new JsonParameter(RestExample)));
        parameters.Add(P("as", o));
        return (parameters,
        [
            new ScopeField(o + ".vlan.id", FieldKind.Int, false), new(o + ".vlan.name", FieldKind.String, false),
            new(o + ".items", FieldKind.List, false, o + ".items"), new(o + ".items.n", FieldKind.Decimal, false, o + ".items"),
            new(o + ".items.s", FieldKind.String, false, o + ".items"), new(o + ".note", FieldKind.String, true), new(o + ".ok", FieldKind.Bool, false),
        ]);
    });

    private List<KeyValuePair<string, ParameterValue>> Request(ScopeModel scope)
    {
        var json = _choices.Chance(60);
        var parameters = new List<KeyValuePair<string, ParameterValue>>
        {
            P("url", _templates.Url(scope)),
            P("method", _choices.Pick(Methods)),
            P("contentType", json ? "application/json" : "text/plain"),
            P("content", json ? _templates.JsonBody(scope) : _templates.Plain(scope)),
        };
        if (_choices.Chance(40))
        {
            parameters.Add(KeyValuePair.Create("headers", (ParameterValue)new MapParameter([KeyValuePair.Create("X-Flow", _templates.Header(scope))])));
        }

        return parameters;
    }

    private List<KeyValuePair<string, ParameterValue>> SendMail(ScopeModel scope)
    {
        var html = _choices.Chance(40);
        return
        [
            P("to", Recipients(scope)),
            P("subject", _templates.Header(scope)),
            P("content", _templates.Plain(scope)),
            KeyValuePair.Create("html", (ParameterValue)new BoolParameter(html)),
        ];
    }

    // A hole in a display name, in an address, or beside literal addresses; hostile values fail the node in both engines.
    private string Recipients(ScopeModel scope)
    {
        if (scope.Of(FieldKind.String) is not { Count: > 0 } strings || !_choices.Chance(70))
        {
            return _choices.Pick(["ops@example.org", "ops@example.org, \"Night, Ops\" <night@example.org>"]);
        }

        var hole = "{{" + _choices.Pick(strings).Path + "}}";
        return _choices.Next(3) switch
        {
            0 => hole + "@example.org",
            1 => $"\"{hole}\" <ops@example.org>, night@example.org",
            _ => $"Team {hole} <{"{{" + _choices.Pick(strings).Path + "}}"}@example.org>",
        };
    }

    private List<KeyValuePair<string, ParameterValue>> Webhook(ScopeModel scope) => Request(scope);

    private (List<KeyValuePair<string, ParameterValue>>, ScopeModel, ScopeModel?) CreateTicket(ScopeModel scope)
    {
        List<KeyValuePair<string, ParameterValue>> parameters =
        [
            P("title", _templates.Plain(scope)),
            P("priority", _choices.Pick(["low", "medium", "high", "urgent"])),
            P("creatorId", _templates.Whole(scope, 1, int.MaxValue)),
            P("content", _templates.Plain(scope)),
        ];
        if (!_choices.Chance(50))
        {
            return (parameters, scope, null);
        }

        return Output(scope, o => ([.. parameters, P("as", o)], [new ScopeField(o + ".id", FieldKind.Int, false)]));
    }

    private List<KeyValuePair<string, ParameterValue>> ModifyServer(ScopeModel scope)
    {
        var parameters = new List<KeyValuePair<string, ParameterValue>> { P("serverId", _templates.Whole(scope, 1, int.MaxValue)) };
        switch (_choices.Next(7))
        {
            case 0:
                parameters.AddRange([P("component", "general"), P("action", "setNote"), P("note", _templates.Plain(scope))]);
                break;
            case 1:
                parameters.AddRange([P("component", "general"), P("action", "setHostname"), P("hostname", _choices.Chance(50) ? "vm1.example.com" : "vm{{id}}.example.com")]);
                break;
            case 2:
                parameters.AddRange([P("component", "network"), P("action", "changeVlanTag"), P("tag", _templates.Whole(scope, 1, 4094))]);
                break;
            case 3:
                parameters.AddRange([P("component", "network"), P("action", "changeRateLimit"), P("rate", _choices.Chance(50) ? "12.5" : _templates.Hole(scope))]);
                break;
            case 4:
                parameters.AddRange([P("component", "network"), P("action", "assignIpv4"), P("ipv4Id", _templates.Whole(scope, 1, int.MaxValue))]);
                break;
            case 5:
                parameters.AddRange([P("component", "network"), P("action", "assignIpv6"), P("ipv6Id", _templates.Whole(scope, 1, int.MaxValue))]);
                break;
            default:
                parameters.AddRange([P("component", "ha"), P("action", "setHaStatus"), P("group", "fra-1"),
                    P("maxRelocates", _templates.Whole(scope, 0, int.MaxValue)), P("maxRestarts", _templates.Whole(scope, 0, int.MaxValue))]);
                break;
        }

        return parameters;
    }

    private static KeyValuePair<string, ParameterValue> P(string name, string value) => KeyValuePair.Create(name, (ParameterValue)new StringParameter(value));
}

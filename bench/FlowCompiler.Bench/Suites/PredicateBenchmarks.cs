using System.Text.Json;
using BenchmarkDotNet.Attributes;
using FlowCompiler.Bench.Flows;
using FlowCompiler.Generator.Compilation;
using FlowCompiler.Generator.Interpretation;
using FlowCompiler.Runtime.Events;
using RulesEngine.Models;
using MicrosoftRulesEngine = RulesEngine.RulesEngine;

namespace FlowCompiler.Bench.Suites;

/// <summary>
/// One condition evaluated for one event: the compiled flow's filter (its <c>Accepts</c>, the baseline) vs
/// Microsoft RulesEngine running the same condition from its JSON workflow vs the reference interpreter.
/// All agree on a passing and a failing event before timing.
/// </summary>
[MemoryDiagnoser]
public class PredicateBenchmarks
{
    private const string Workflow = "condition";

    private readonly ServerEvent _event = BenchEvents.Server(16);
    private LoadedFlow? _flow;
    private Func<object, bool> _compiled = _ => false;
    private MicrosoftRulesEngine? _rules;
    private FlowInterpreter? _interpreter;

    /// <summary>Which condition.</summary>
    [Params(PredicateCondition.CpuAtLeast8, PredicateCondition.HostnameStartsWith, PredicateCondition.AnyChargeAbove10)]
    public PredicateCondition Condition { get; set; }

    /// <summary>Compiles the flow, builds the rules engine from JSON, and checks they agree.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var (field, operation, value, ignoreCase, expression) = Condition switch
        {
            PredicateCondition.CpuAtLeast8 => ("cpu", ">=", "8", false, "e.Cpu >= 8"),
            PredicateCondition.HostnameStartsWith => ("hostname", "startsWith", "\"WEB-\"", true, "e.Hostname.StartsWith(\"WEB-\", StringComparison.OrdinalIgnoreCase)"),
            _ => ("charges.amount", ">", "10", false, "e.Charges.Any(c => c.Amount > 10)"),
        };
        var json = BenchFlows.Predicate("predicate-" + Condition.ToString().ToLowerInvariant(), field, operation, value, ignoreCase);
        _flow = BenchCompiler.PublishAll([json])[0];
        _compiled = _flow.Accepts;
        _interpreter = new FlowInterpreter(BenchCompiler.Bind(json).Flow);

        var workflow = JsonSerializer.Serialize(new[] { new { WorkflowName = Workflow, Rules = new[] { new { RuleName = Condition.ToString(), Expression = expression } } } });
        _rules = new MicrosoftRulesEngine(JsonSerializer.Deserialize<Workflow[]>(workflow)!, new ReSettings());

        foreach (var (e, expected) in new[] { (_event, true), (BenchEvents.PlainServer(), false) })
        {
            Agree(e, expected);
        }
    }

    /// <summary>The compiled filter.</summary>
    [Benchmark(Baseline = true)]
    public bool Compiled() => _compiled(_event);

    /// <summary>Microsoft RulesEngine with the JSON rule.</summary>
    [Benchmark]
    public async Task<bool> RulesEngine() => (await _rules!.ExecuteAllRulesAsync(Workflow, new RuleParameter("e", _event)))[0].IsSuccess;

    /// <summary>The reference interpreter's filter.</summary>
    [Benchmark]
    public bool Interpreter() => _interpreter!.Accepts(_event);

    /// <summary>Unloads the compiled flow.</summary>
    [GlobalCleanup]
    public void Cleanup() => _flow?.Unload();

    private void Agree(ServerEvent e, bool expected)
    {
        var compiled = _compiled(e);
        var rules = _rules!.ExecuteAllRulesAsync(Workflow, new RuleParameter("e", e)).GetAwaiter().GetResult()[0].IsSuccess;
        var interpreted = _interpreter!.Accepts(e);
        if (compiled != expected || rules != expected || interpreted != expected)
        {
            throw new InvalidOperationException($"{Condition}: expected {expected}, compiled says {compiled}, RulesEngine {rules}, interpreter {interpreted}");
        }
    }
}

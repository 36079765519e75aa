using BenchmarkDotNet.Running;
using FlowCompiler.Bench.Probes;
using FlowCompiler.Bench.Quick;

// --quick: the short suite that writes bench/results; --probe: a child process of the quick suite
// (a cold compile or a 1,000-flow publish in a fresh process); anything else goes to BenchmarkDotNet.
return args switch
{
    ["--quick", ..] => QuickRun.Run(),
    ["--probe", var probe, .. var rest] => ProbeEntry.Run(probe, rest),
    _ => Switch(args),
};

static int Switch(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(QuickRun).Assembly).Run(args);
    return 0;
}

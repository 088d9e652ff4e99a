using BenchmarkDotNet.Running;
using KooDrive.Generated.Benchmarks.Report;

// --report runs everything and ends with the goals table; --steady-state, --warm-up, --cold-start and
// --benchmarks run one part of it; any other arguments go to BenchmarkDotNet (e.g. --filter '*Signing*').
return args switch
{
    [ChildRuns.Switch, ..] => await ChildRuns.RunAsync(args),
    ["--report"] => await FullReport.RunAsync(null),
    ["--steady-state" or "--warm-up" or "--cold-start" or "--benchmarks"] => await FullReport.RunAsync(args[0][2..]),
    _ => Switch(args),
};

static int Switch(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(FullReport).Assembly).Run(args);
    return 0;
}

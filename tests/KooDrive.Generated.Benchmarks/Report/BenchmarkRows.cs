using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace KooDrive.Generated.Benchmarks.Report;

/// <summary>
/// The BenchmarkDotNet part of the report: every benchmark class in one run with a short in-process job, and the
/// results by class, method and parameters.
/// </summary>
public sealed class BenchmarkRows
{
    /// <summary>What the short job is, for the report's header.</summary>
    public const string JobDescription =
        "BenchmarkDotNet, in-process, 1 launch, 4 warm-up and 6 measured iterations of about 150 ms each, median per operation";

    private readonly Summary[] _summaries;

    private BenchmarkRows(Summary[] summaries) => _summaries = summaries;

    /// <summary>Runs <paramref name="types"/> with the short job.</summary>
    public static BenchmarkRows Run(params Type[] types)
    {
        // In-process: no generated project to build per class (minutes on 2 cores), and the report stays within
        // its time budget. The numbers are medians, so a few noisy iterations do not decide a row.
        var job = new Job("Report")
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(4)
            .WithIterationCount(6)
            .WithIterationTime(TimeInterval.FromMilliseconds(150));
        var config = DefaultConfig.Instance.AddJob(job).WithOptions(ConfigOptions.JoinSummary | ConfigOptions.DisableLogFile);
        return new BenchmarkRows(BenchmarkRunner.Run(types, config));
    }

    /// <summary>The cost of one benchmark case, or null when it did not run.</summary>
    public Cost? Find(Type type, string method, params (string Name, object Value)[] parameters)
    {
        foreach (var report in _summaries.SelectMany(s => s.Reports))
        {
            var benchmark = report.BenchmarkCase;
            if (benchmark.Descriptor.Type != type || benchmark.Descriptor.WorkloadMethod.Name != method
                || parameters.Any(p => !Equals(benchmark.Parameters[p.Name], p.Value)) || report.ResultStatistics is null)
            {
                continue;
            }

            var bytes = report.GcStats.GetBytesAllocatedPerOperation(benchmark);
            return new Cost(report.ResultStatistics.Median / 1000, bytes);
        }

        return null;
    }
}

using System.Globalization;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using KooDrive.Generated.Benchmarks.Harness;

namespace KooDrive.Generated.Benchmarks.Report;

/// <summary>
/// <c>--report</c>: every measurement the per-call goals need, in one command, ending with one table of goals, what
/// was measured and whether each goal holds. Each section's detail is printed as it completes.
/// </summary>
public sealed class FullReport
{
    // Sizes chosen so the whole report stays within about 10 minutes on 2 cores.
    private const int FirstWarmUpCalls = 5000;
    private const int SteadyWarmUpCalls = 2000;
    private const int SteadyRounds = 30;
    private const int SteadyCallsPerRound = 40;
    private const int BulkWarmUps = 5;
    private const int BulkRounds = 15;
    private const int CurveCalls = 200;
    private const int CurveWarmUpCalls = 3000;
    private const int CurveSteadyCalls = 300;
    private const int CurveRuns = 7;
    private const int ColdStartRounds = 10;

    private static readonly Variant[] Sdk = [Variant.SdkToken, Variant.SdkSigned];
    private static readonly Variant[] Alternatives = [Variant.Refit, Variant.PlainNSwag];

    private readonly List<string> _sections = [];
    private readonly List<(GoalRow Row, string[] Cells)> _goals = [];
    private readonly string? _only;

    private FullReport(string? only) => _only = only;

    /// <summary>Runs the report (or one part of it: steady-state, warm-up, cold-start, benchmarks) and prints it.</summary>
    public static async Task<int> RunAsync(string? only)
    {
        var report = new FullReport(only);
        await report.RunPartsAsync().ConfigureAwait(false);
        return report.Finish();
    }

    private async Task RunPartsAsync()
    {
        Section(
            "KooDrive.Generated per-call report",
            string.Create(CultureInfo.InvariantCulture, $"{RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {LoadAverage()} at the start. ")
            + $"The SDK ran {SdkImage()}. "
            + "Every ratio is against the hand-written HttpClient + Newtonsoft call (or the named baseline) measured in the same run. "
            + "The call deletes 100 scope IDs; the answer lists 50 deleted IDs and 50 failures. "
            + "Times are only as good as the machine is quiet: compare the load average at the start and the end.");

        if (Wants("steady-state"))
        {
            await SteadyStateAsync().ConfigureAwait(false);
        }

        if (Wants("warm-up"))
        {
            await WarmUpAsync().ConfigureAwait(false);
        }

        if (Wants("cold-start"))
        {
            await ColdStartAsync().ConfigureAwait(false);
        }

        if (Wants("benchmarks"))
        {
            Benchmarks();
        }
    }

    private bool Wants(string part) => _only is null || _only == part;

    private async Task SteadyStateAsync()
    {
        var loopback = new Dictionary<IdForm, SteadyStateResult>();
        // In memory first, with the longest warm-up: the code every later measurement shares (serializers, the
        // SDK's pipeline) is then past tiered compilation before anything on loopback is measured.
        foreach (var (transport, form, warmUp) in new[] { (Transport.InMemory, IdForm.Strings, FirstWarmUpCalls), (Transport.Loopback, IdForm.Strings, SteadyWarmUpCalls), (Transport.Loopback, IdForm.Numbers, SteadyWarmUpCalls) })
        {
            Console.WriteLine($"Steady state: {transport}, IDs as {form}…");
            var costs = await SteadyState.MeasureCallsAsync(transport, form, warmUp, SteadyRounds, SteadyCallsPerRound).ConfigureAwait(false);
            if (transport == Transport.Loopback)
            {
                loopback[form] = costs;
            }

            Section(
                $"Steady state, {transport}, IDs as JSON {form.ToString().ToLowerInvariant()}",
                $"All variants in one process after {warmUp} warm-up calls each, then {SteadyRounds} rounds of {SteadyCallsPerRound} calls per variant in rotating order. Costs are medians of the rounds; ratios are medians of the per-round ratios.",
                CostTable(costs, "call").ToString());
        }

        Console.WriteLine("Steady state: bulk delete…");
        var bulk = await SteadyState.MeasureBulkAsync(BulkDeleteBenchmarks.IdCount, BulkDeleteBenchmarks.Concurrency, BulkWarmUps, BulkRounds).ConfigureAwait(false);
        Section(
            $"Bulk delete of {BulkDeleteBenchmarks.IdCount:N0} IDs at concurrency {BulkDeleteBenchmarks.Concurrency}, loopback, alternated",
            $"Every variant through the same chunking driver, in one process: {BulkWarmUps} warm-up bulk deletes each, then {BulkRounds} rounds in rotating order. Costs are per bulk delete (medians); ratios are medians of per-round ratios.",
            CostTable(bulk, "bulk delete").ToString());
        foreach (var variant in Sdk)
        {
            var time = bulk.TimeRatio(variant, Variant.HandWrittenNewtonsoft);
            Goal(
                GoalRow.Bulk,
                $"Bulk delete of 10,000 IDs at concurrency 8, {Name(variant)}",
                "≤ 1.3× the baseline",
                $"{Format.Ratio(time)} time, {Format.Ratio(bulk.BytesRatio(variant, Variant.HandWrittenNewtonsoft))} allocation (alternated; BenchmarkDotNet's row is in its section)",
                time <= 1.3);
        }

        foreach (var variant in Sdk)
        {
            var cells = loopback.Select(pair => (pair.Key, Time: pair.Value.TimeRatio(variant, Variant.HandWrittenNewtonsoft), Bytes: pair.Value.BytesRatio(variant, Variant.HandWrittenNewtonsoft))).ToArray();
            Goal(
                GoalRow.PerCall,
                $"Per call on loopback, {Name(variant)}, steady state",
                "≤ 1.25× time, ≤ 1.5× allocation",
                string.Join("; ", cells.Select(c => $"IDs as {c.Key}: {Format.Ratio(c.Time)} time, {Format.Ratio(c.Bytes)} allocation")),
                cells.All(c => c.Time <= 1.25 && c.Bytes <= 1.5));
        }

        foreach (var variant in Sdk)
        {
            var cells = loopback.SelectMany(pair => Alternatives.Select(alternative => (
                Label: $"{alternative}, IDs as {pair.Key}",
                Time: pair.Value.TimeRatio(variant, alternative),
                Bytes: pair.Value.BytesRatio(variant, alternative)))).ToArray();
            Goal(
                GoalRow.VersusAlternatives,
                $"Per call on loopback, {Name(variant)}, vs Refit and plain NSwag",
                "no worse than either (≤ 1.00× time and allocation)",
                string.Join("; ", cells.Select(c => $"vs {c.Label}: {Format.Ratio(c.Time)} time, {Format.Ratio(c.Bytes)} allocation")),
                cells.All(c => c.Time <= 1.0 && c.Bytes <= 1.0));
        }
    }

    private async Task WarmUpAsync()
    {
        await using var server = await LoopbackAnswerServer.StartAsync(ScopeDeletePayloads.Answer(IdForm.Strings)).ConfigureAwait(false);
        (int First, int Last)[] windows = [(1, 1), (2, 10), (11, 50), (51, 100), (101, 150), (151, 180), (181, 200)];
        // Every way of making the call, not only the SDK's: what the alternatives measure says how much of a slow
        // warm-up belongs to the runtime and the code they all share.
        var variants = new[] { Variant.HandWrittenNewtonsoft, Variant.HandWrittenSystemTextJson, Variant.Refit, Variant.PlainNSwag }.Concat(Sdk).ToArray();
        var runs = variants.ToDictionary(v => v, _ => new List<(double[] Curve, double Steady)>());
        for (var run = 0; run < CurveRuns; run++)
        {
            foreach (var variant in variants)
            {
                Console.WriteLine($"Warm-up curve: {variant}, run {run + 1} of {CurveRuns}…");
                runs[variant].Add(await ChildRuns.WarmUpAsync(variant, server.Address, CurveCalls, CurveWarmUpCalls, CurveSteadyCalls).ConfigureAwait(false));
            }
        }

        var table = new Table([
            "variant",
            .. windows.Select(w => w.First == w.Last ? $"call {w.First}" : $"calls {w.First}–{w.Last}"),
            "steady",
            "calls 181–200 / steady"]);
        double Window(Variant variant, int first, int last) => Format.Median(runs[variant].Select(r => Format.Median(r.Curve[(first - 1)..last])));
        double Steady(Variant variant) => Format.Median(runs[variant].Select(r => r.Steady));
        double AtEnd(Variant variant) => Format.Median(runs[variant].Select(r => Format.Median(r.Curve[180..200]) / r.Steady));
        foreach (var variant in variants)
        {
            table.Add([variant.ToString(), .. windows.Select(w => Format.Time(Window(variant, w.First, w.Last))), Format.Time(Steady(variant)), Format.Ratio(AtEnd(variant))]);
        }

        // The alternatives' own ratios say how much of a slow warm-up is the runtime's and the code they all share.
        var alternatives = string.Join(", ", variants.Except(Sdk).Select(v => $"{v} {Format.Ratio(AtEnd(v))}"));
        foreach (var variant in Sdk)
        {
            Goal(
                GoalRow.WarmUp,
                $"Warm-up, {Name(variant)}",
                "within 1.5× of steady state by the 200th call",
                $"calls 181–200: {Format.Ratio(AtEnd(variant))} of steady state ({Format.Time(Window(variant, 181, 200))} vs {Format.Time(Steady(variant))}); the alternatives' own: {alternatives}",
                AtEnd(variant) <= 1.5);
        }

        // Every call's time, the median over the processes, for plotting.
        var csv = new List<string> { "call," + string.Join(',', variants) };
        csv.AddRange(Enumerable.Range(0, CurveCalls).Select(i => string.Create(CultureInfo.InvariantCulture, $"{i + 1},")
            + string.Join(',', variants.Select(v => Format.Median(runs[v].Select(r => r.Curve[i])).ToString("0.0", CultureInfo.InvariantCulture)))));
        var csvPath = ArtifactPath("koodrive-warm-up.csv");
        File.WriteAllLines(csvPath, csv);

        Section(
            "Warm-up curve, loopback",
            $"{CurveRuns} fresh processes per variant, alternating. Each times its first {CurveCalls} calls, makes {CurveWarmUpCalls} more, and takes the median of the {CurveSteadyCalls} after those as its steady state. Each cell is the median over the processes of the window's median. Every call's time (µs, median over the processes) is in {csvPath}.",
            table.ToString());
    }

    private async Task ColdStartAsync()
    {
        await using var server = await LoopbackAnswerServer.StartAsync(ScopeDeletePayloads.Answer(IdForm.Strings)).ConfigureAwait(false);
        var times = CallVariants.All.ToDictionary(v => v, _ => new List<double>());
        var parts = CallVariants.All.ToDictionary(v => v, _ => new List<ColdStart>());
        var order = CallVariants.All.ToArray();
        for (var round = 0; round < ColdStartRounds; round++)
        {
            Console.WriteLine($"Cold start: round {round + 1} of {ColdStartRounds}…");
            foreach (var variant in order.Skip(round % order.Length).Concat(order.Take(round % order.Length)))
            {
                var run = await ChildRuns.ColdStartAsync(variant, server.Address).ConfigureAwait(false);
                times[variant].Add(run.Total);
                parts[variant].Add(run);
            }
        }

        var medians = times.ToDictionary(p => p.Key, p => Format.Median(p.Value));
        double Ratio(Variant variant, Variant baseline) => Format.Median(times[variant].Zip(times[baseline], (v, b) => v / b));
        var table = new Table("variant", "process start to first completed call", "ratio (median of per-round ratios)", "of which: creating the client", "the first call", "methods compiled", "compiling");
        foreach (var (variant, median) in medians)
        {
            table.Add(
                variant.ToString(),
                string.Create(CultureInfo.InvariantCulture, $"{median:0} ms"),
                Format.Ratio(Ratio(variant, Variant.HandWrittenNewtonsoft)),
                string.Create(CultureInfo.InvariantCulture, $"{Format.Median(parts[variant].Select(p => p.Create)):0.0} ms"),
                string.Create(CultureInfo.InvariantCulture, $"{Format.Median(parts[variant].Select(p => p.FirstCall)):0.0} ms"),
                string.Create(CultureInfo.InvariantCulture, $"{Format.Median(parts[variant].Select(p => (double)p.MethodsCompiled)):0}"),
                string.Create(CultureInfo.InvariantCulture, $"{Format.Median(parts[variant].Select(p => p.Compiling)):0} ms"));
        }

        Section(
            "Cold start, loopback",
            $"A new process per run ({ColdStartRounds} runs per variant, alternating), timed by the parent from starting the process to the child reporting its first completed call. Medians. \"Creating the client\" and \"the first call\" are the child's own timing after its Main started; \"methods compiled\" and \"compiling\" are the JIT's count and time in the child by the end of its first call (System.Runtime.JitInfo): most of a cold start is compiling, and the count barely depends on the machine's load.",
            table.ToString());
        foreach (var variant in Sdk)
        {
            var ratio = Ratio(variant, Variant.HandWrittenNewtonsoft);
            var alternatives = Alternatives.Select(a => (a, Ratio: Ratio(variant, a))).ToArray();
            Goal(GoalRow.ColdStart, $"Cold start, first call, {Name(variant)}", "≤ 1.2× the baseline", string.Create(CultureInfo.InvariantCulture, $"{Format.Ratio(ratio)} ({medians[variant]:0} ms vs {medians[Variant.HandWrittenNewtonsoft]:0} ms)"), ratio <= 1.2);
            Goal(GoalRow.VersusAlternatives, $"Cold start, {Name(variant)}, vs Refit and plain NSwag", "no worse than either", string.Join("; ", alternatives.Select(a => $"vs {a.a}: {Format.Ratio(a.Ratio)}")), alternatives.All(a => a.Ratio <= 1.0));
        }
    }

    private void Benchmarks()
    {
        var rows = BenchmarkRows.Run(
            typeof(ScopeDeleteCallBenchmarks),
            typeof(ResponseReadingBenchmarks),
            typeof(RequestValidationBenchmarks),
            typeof(SigningBenchmarks),
            typeof(BulkDeleteBenchmarks));

        foreach (var transport in Enum.GetValues<Transport>())
        {
            var table = new Table(["variant", .. Enum.GetValues<IdForm>().Select(f => $"IDs as {f}: cost"), .. Enum.GetValues<IdForm>().Select(f => $"IDs as {f}: time, allocation ratio")]);
            foreach (var variant in CallVariants.All)
            {
                var costs = Enum.GetValues<IdForm>().Select(form => rows.Find(typeof(ScopeDeleteCallBenchmarks), variant.ToString(), ("Ids", form), ("Transport", transport))).ToArray();
                var baselines = Enum.GetValues<IdForm>().Select(form => rows.Find(typeof(ScopeDeleteCallBenchmarks), nameof(Variant.HandWrittenNewtonsoft), ("Ids", form), ("Transport", transport))).ToArray();
                table.Add([variant.ToString(), .. costs.Select(c => c?.ToString() ?? "n/a"), .. costs.Zip(baselines, RatioCell)]);
            }

            Section($"One call, {transport} (BenchmarkDotNet)", BenchmarkRows.JobDescription + ".", table.ToString());
        }

        var reading = new Table("IDs as", "SDK reader vs Newtonsoft defaults, from a string", "SDK read path vs ReadAsStringAsync + Newtonsoft defaults, from a response");
        var readingCells = new List<(double Time, double Bytes)>();
        foreach (var form in Enum.GetValues<IdForm>())
        {
            var pairs = new[]
            {
                (nameof(ResponseReadingBenchmarks.SdkReader), nameof(ResponseReadingBenchmarks.NewtonsoftDefaults)),
                (nameof(ResponseReadingBenchmarks.SdkReadPath), nameof(ResponseReadingBenchmarks.NewtonsoftDefaultsFromResponse)),
            }.Select(pair => (
                Sdk: rows.Find(typeof(ResponseReadingBenchmarks), pair.Item1, ("Ids", form)),
                Baseline: rows.Find(typeof(ResponseReadingBenchmarks), pair.Item2, ("Ids", form)))).ToArray();
            reading.Add([form.ToString(), .. pairs.Select(p => $"{p.Sdk} vs {p.Baseline}: {RatioCell(p.Sdk, p.Baseline)}")]);
            readingCells.AddRange(pairs.Where(p => p.Sdk is not null && p.Baseline is not null)
                .Select(p => (p.Sdk!.Microseconds / p.Baseline!.Microseconds, p.Sdk.Bytes!.Value / p.Baseline.Bytes!.Value)));
        }

        Section("Reading the answer (BenchmarkDotNet)", "Into the SDK's DeleteBackupScopesResponse either way.", reading.ToString());
        Goal(
            GoalRow.Reading,
            "Reading the documented response",
            "≤ 1.3× Newtonsoft's defaults into the same DTO (time and allocation)",
            readingCells.Count == 0 ? "not measured" : $"worst of {readingCells.Count}: {Format.Ratio(readingCells.Max(c => c.Time))} time, {Format.Ratio(readingCells.Max(c => c.Bytes))} allocation",
            readingCells.Count == 4 && readingCells.All(c => c.Time <= 1.3 && c.Bytes <= 1.3));

        var writing = new Table("row", "cost", "vs Newtonsoft defaults");
        var serializeBaseline = rows.Find(typeof(RequestValidationBenchmarks), nameof(RequestValidationBenchmarks.SerializeNewtonsoftDefaults));
        foreach (var method in new[] { nameof(RequestValidationBenchmarks.SerializeNewtonsoftDefaults), nameof(RequestValidationBenchmarks.SerializeGenerated), nameof(RequestValidationBenchmarks.Validate), nameof(RequestValidationBenchmarks.ValidateAndSerialize) })
        {
            var cost = rows.Find(typeof(RequestValidationBenchmarks), method);
            writing.Add(method, cost?.ToString() ?? "n/a", RatioCell(cost, serializeBaseline));
        }

        Section("Writing and validating the 100-ID request (BenchmarkDotNet)", "No goal of its own: it is part of the per-call rows.", writing.ToString());

        var hmac = rows.Find(typeof(SigningBenchmarks), nameof(SigningBenchmarks.HmacOfStringToSign));
        var sign = rows.Find(typeof(SigningBenchmarks), nameof(SigningBenchmarks.SignRequest));
        var signRatio = sign is null || hmac is null ? double.NaN : sign.Microseconds / hmac.Microseconds;
        Goal(
            GoalRow.Signing,
            "Signing",
            "≤ 2× one bare HMAC, ≤ 1 KB allocated",
            sign is null || hmac is null ? "not measured" : $"{Format.Ratio(signRatio)} ({Format.Time(sign.Microseconds)} vs {Format.Time(hmac.Microseconds)}), {Format.Size(sign.Bytes ?? 0)}",
            signRatio <= 2 && sign?.Bytes <= 1024);

        var bulk = CallVariants.All.ToDictionary(v => v, v => rows.Find(typeof(BulkDeleteBenchmarks), nameof(BulkDeleteBenchmarks.DeleteTenThousand), ("Variant", v)));
        var bulkTable = new Table("variant", "cost", "time, allocation ratio");
        foreach (var (variant, cost) in bulk)
        {
            bulkTable.Add(variant.ToString(), cost?.ToString() ?? "n/a", RatioCell(cost, bulk[Variant.HandWrittenNewtonsoft]));
        }

        Section($"Bulk delete of {BulkDeleteBenchmarks.IdCount:N0} IDs at concurrency {BulkDeleteBenchmarks.Concurrency}, loopback (BenchmarkDotNet)", "Every variant through the same chunking driver.", bulkTable.ToString());
    }

    private int Finish()
    {
        Section(
            "Goals",
            $"{LoadAverage()} at the end. Per-call and bulk rows come from the alternated steady-state measurements, warm-up and cold-start rows from fresh processes (BenchmarkDotNet can neither alternate variants within a measurement nor time a process start); reading and signing rows from BenchmarkDotNet. " + BenchmarkRows.JobDescription + ".",
            GoalTable().ToString());
        var text = string.Join(Environment.NewLine + Environment.NewLine, _sections) + Environment.NewLine;
        var path = ArtifactPath("koodrive-report.md");
        File.WriteAllText(path, text);
        Console.WriteLine();
        Console.WriteLine($"Every section above, goals last, is also in {path}");
        return 0;
    }

    private void Section(string title, string description, string? table = null)
    {
        var text = $"## {title}{Environment.NewLine}{Environment.NewLine}{description}" + (table is null ? string.Empty : Environment.NewLine + Environment.NewLine + table);
        _sections.Add(text);
        Console.WriteLine();
        Console.WriteLine(text);
    }

    // Next to BenchmarkDotNet's own results (git-ignored).
    private static string ArtifactPath(string name)
    {
        var path = Path.GetFullPath(Path.Combine("BenchmarkDotNet.Artifacts", name));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    // Linux's 1, 5 and 15 minute load averages: how busy the machine was while it measured.
    // The benchmark's build puts the package's ReadyToRun image for this RID in place of the IL assembly, as NuGet does
    // for a consumer; say which one this process (and so every child, from the same folder) loaded.
    private static string SdkImage()
    {
        var location = typeof(Generated.BackupClient).Assembly.Location;
        using var pe = new PEReader(File.OpenRead(location));
        return pe.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory.Size > 0
            ? $"precompiled: the package's ReadyToRun image for {RuntimeInformation.RuntimeIdentifier}"
            : $"as IL only: the package has no ReadyToRun image for {RuntimeInformation.RuntimeIdentifier}";
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? "load average " + string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "load average unknown";

    private void Goal(GoalRow row, string what, string goal, string measured, bool pass) => _goals.Add((row, [what, goal, measured, pass ? "pass" : "FAIL"]));

    private Table GoalTable()
    {
        var table = new Table("what", "goal", "measured", "result");
        foreach (var (_, cells) in _goals.OrderBy(g => g.Row))
        {
            table.Add(cells);
        }

        return table;
    }

    private static string Name(Variant variant) => variant switch
    {
        Variant.SdkToken => "token mode",
        Variant.SdkSigned => "signed",
        _ => variant.ToString(),
    };

    private static Table CostTable(SteadyStateResult result, string unit)
    {
        var table = new Table("variant", $"time per {unit}", $"allocated per {unit}", "time ratio", "allocation ratio");
        foreach (var variant in CallVariants.All)
        {
            var cost = result.Cost(variant);
            table.Add(variant.ToString(), Format.Time(cost.Microseconds), Format.Size(cost.Bytes ?? 0), Format.Ratio(result.TimeRatio(variant, Variant.HandWrittenNewtonsoft)), Format.Ratio(result.BytesRatio(variant, Variant.HandWrittenNewtonsoft)));
        }

        return table;
    }

    private static string RatioCell(Cost? cost, Cost? baseline) => cost is null || baseline is null
        ? "n/a"
        : cost.Bytes is { } bytes && baseline.Bytes is { } baseBytes && baseBytes > 0
            ? $"{Format.Ratio(cost.Microseconds / baseline.Microseconds)}, {Format.Ratio(bytes / baseBytes)}"
            : Format.Ratio(cost.Microseconds / baseline.Microseconds);
}

/// <summary>The goals in the order the report lists them.</summary>
internal enum GoalRow
{
    PerCall,
    WarmUp,
    ColdStart,
    VersusAlternatives,
    Reading,
    Signing,
    Bulk,
}

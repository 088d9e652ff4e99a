using System.Diagnostics;
using System.Globalization;
using KooDrive.Generated.Benchmarks.Harness;

namespace KooDrive.Generated.Benchmarks.Report;

/// <summary>
/// What a fresh process of this benchmark exe does for the cold-start and warm-up measurements, and how the parent
/// starts one. A child creates only the variant it measures and calls the parent's loopback server.
/// </summary>
public static class ChildRuns
{
    /// <summary>The first argument that makes the exe a child.</summary>
    public const string Switch = "--child";

    private const string Done = "DONE";
    private const string Curve = "CURVE";
    private const string Steady = "STEADY";

    /// <summary>Runs a child: <c>--child cold|warm &lt;variant&gt; &lt;address&gt;</c>.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var variant = Enum.Parse<Variant>(args[2]);
        var address = new Uri(args[3]);
        var clock = Stopwatch.StartNew();
        await using var variants = CallVariants.Connect(address);
        var call = variants.Call(variant);
        var created = clock.Elapsed.TotalMilliseconds;
        var ids = ScopeDeletePayloads.Ids();
        if (args[1] == "cold")
        {
            clock.Restart();
            var count = await call(ids).ConfigureAwait(false);
            var called = clock.Elapsed.TotalMilliseconds;

            // Most of a cold start is compiling methods: their count hardly depends on the machine's load, so it
            // says where a difference comes from when the times are noisy.
            var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
            var compiling = System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds;
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Done} {count} {created:0.0} {called:0.0} {compiled} {compiling:0.0}"));
            Console.Out.Flush();
            return 0;
        }

        var curveCalls = int.Parse(args[4], CultureInfo.InvariantCulture);
        var warmUpCalls = int.Parse(args[5], CultureInfo.InvariantCulture);
        var steadyCalls = int.Parse(args[6], CultureInfo.InvariantCulture);
        var curve = new double[curveCalls];
        for (var i = 0; i < curveCalls; i++)
        {
            clock.Restart();
            await call(ids).ConfigureAwait(false);
            curve[i] = clock.Elapsed.TotalMicroseconds;
        }

        for (var i = 0; i < warmUpCalls; i++)
        {
            await call(ids).ConfigureAwait(false);
        }

        var steady = new double[steadyCalls];
        for (var i = 0; i < steadyCalls; i++)
        {
            clock.Restart();
            await call(ids).ConfigureAwait(false);
            steady[i] = clock.Elapsed.TotalMicroseconds;
        }

        Console.Out.WriteLine($"{Curve} {string.Join(' ', curve.Select(t => t.ToString("0.0", CultureInfo.InvariantCulture)))}");
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Steady} {Format.Median(steady):0.0}"));
        return 0;
    }

    /// <summary>
    /// Milliseconds from starting a child to its first completed call, the child's own timing of the two parts
    /// after its Main started (creating the client, and the first call), and how many methods the process had
    /// compiled by then, in how many milliseconds of compiling.
    /// </summary>
    public static async Task<ColdStart> ColdStartAsync(Variant variant, Uri address)
    {
        var clock = Stopwatch.StartNew();
        using var child = Start("cold", variant, address);
        var line = await ReadLineStartingWithAsync(child, Done).ConfigureAwait(false);
        var elapsed = clock.Elapsed.TotalMilliseconds;
        await child.WaitForExitAsync().ConfigureAwait(false);
        return line?.Split(' ') is [_, _, var create, var call, var compiled, var compiling] && child.ExitCode == 0
            ? new ColdStart(
                elapsed,
                double.Parse(create, CultureInfo.InvariantCulture),
                double.Parse(call, CultureInfo.InvariantCulture),
                long.Parse(compiled, CultureInfo.InvariantCulture),
                double.Parse(compiling, CultureInfo.InvariantCulture))
            : throw new InvalidOperationException($"The cold-start child for {variant} failed (exit code {child.ExitCode}): {await child.StandardError.ReadToEndAsync().ConfigureAwait(false)}");
    }

    /// <summary>A fresh process's per-call times (µs) for its first calls, and its median after a long warm-up.</summary>
    public static async Task<(double[] Curve, double Steady)> WarmUpAsync(Variant variant, Uri address, int curveCalls, int warmUpCalls, int steadyCalls)
    {
        using var child = Start("warm", variant, address, curveCalls.ToString(CultureInfo.InvariantCulture), warmUpCalls.ToString(CultureInfo.InvariantCulture), steadyCalls.ToString(CultureInfo.InvariantCulture));
        var curve = await ReadLineStartingWithAsync(child, Curve).ConfigureAwait(false);
        var steady = await ReadLineStartingWithAsync(child, Steady).ConfigureAwait(false);
        await child.WaitForExitAsync().ConfigureAwait(false);
        if (curve is null || steady is null || child.ExitCode != 0)
        {
            throw new InvalidOperationException($"The warm-up child for {variant} failed (exit code {child.ExitCode}): {await child.StandardError.ReadToEndAsync().ConfigureAwait(false)}");
        }

        return (
            [.. curve.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(t => double.Parse(t, CultureInfo.InvariantCulture))],
            double.Parse(steady.Split(' ')[1], CultureInfo.InvariantCulture));
    }

    private static Process Start(string mode, Variant variant, Uri address, params string[] more)
    {
        // Run as `dotnet run` or the apphost started this process: the same host, the same assembly.
        var host = Environment.ProcessPath ?? "dotnet";
        var info = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            info.ArgumentList.Add(typeof(ChildRuns).Assembly.Location);
        }

        foreach (var argument in new[] { Switch, mode, variant.ToString(), address.ToString() }.Concat(more))
        {
            info.ArgumentList.Add(argument);
        }

        return Process.Start(info) ?? throw new InvalidOperationException($"Could not start {host}.");
    }

    private static async Task<string?> ReadLineStartingWithAsync(Process child, string prefix)
    {
        while (await child.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return line;
            }
        }

        return null;
    }
}

/// <summary>One cold-start child's measurements (<see cref="ChildRuns.ColdStartAsync"/>).</summary>
/// <param name="Total">Milliseconds from starting the process to its first completed call, timed by the parent.</param>
/// <param name="Create">Milliseconds the child took to create the client.</param>
/// <param name="FirstCall">Milliseconds the child's first call took.</param>
/// <param name="MethodsCompiled">Methods the JIT had compiled in the child by the end of the first call.</param>
/// <param name="Compiling">Milliseconds the JIT had spent compiling them.</param>
public readonly record struct ColdStart(double Total, double Create, double FirstCall, long MethodsCompiled, double Compiling);

using System.Globalization;

namespace KooDrive.Generated.Benchmarks.Report;

/// <summary>A per-call time (µs) and allocation (bytes).</summary>
/// <param name="Microseconds">Time per call.</param>
/// <param name="Bytes">Bytes allocated per call (null when not measured).</param>
public sealed record Cost(double Microseconds, double? Bytes)
{
    /// <summary>"123 µs, 45.6 KB".</summary>
    public override string ToString() => Bytes is { } bytes
        ? string.Create(CultureInfo.InvariantCulture, $"{Format.Time(Microseconds)}, {Format.Size(bytes)}")
        : Format.Time(Microseconds);
}

/// <summary>Number formatting shared by every table.</summary>
public static class Format
{
    /// <summary>A ratio: "1.23×".</summary>
    public static string Ratio(double ratio) => string.Create(CultureInfo.InvariantCulture, $"{ratio:0.00}×");

    /// <summary>A time given in µs.</summary>
    public static string Time(double microseconds) => microseconds >= 1000
        ? string.Create(CultureInfo.InvariantCulture, $"{microseconds / 1000:0.00} ms")
        : string.Create(CultureInfo.InvariantCulture, $"{microseconds:0.0} µs");

    /// <summary>A size given in bytes.</summary>
    public static string Size(double bytes) => bytes >= 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024:0.0} KB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes:0} B");

    /// <summary>The median of <paramref name="values"/>.</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}

/// <summary>A markdown table printed to the console and kept for the report file.</summary>
public sealed class Table(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    /// <summary>Adds a row.</summary>
    public void Add(params string[] cells) => _rows.Add(cells);

    /// <summary>The table as markdown.</summary>
    public override string ToString()
    {
        var lines = new List<string> { "| " + string.Join(" | ", headers) + " |", "|" + string.Concat(headers.Select(_ => "---|")) };
        lines.AddRange(_rows.Select(row => "| " + string.Join(" | ", row) + " |"));
        return string.Join(Environment.NewLine, lines);
    }
}

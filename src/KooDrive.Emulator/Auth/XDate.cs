using System.Globalization;

namespace KooDrive.Emulator.Auth;

/// <summary>The <c>X-Date</c> header: <c>yyyyMMdd'T'HHmmss'Z'</c> in UTC (errata E4).</summary>
internal static class XDate
{
    public const string Format = "yyyyMMdd'T'HHmmss'Z'";

    /// <summary>The oldest an X-Date may be: "within 15 minutes from the current time".</summary>
    public static readonly TimeSpan MaximumAge = TimeSpan.FromMinutes(15);

    public static bool TryParse(string value, out DateTimeOffset time) =>
        DateTimeOffset.TryParseExact(value, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);

    public static string ToHeaderValue(DateTimeOffset time) => time.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);
}

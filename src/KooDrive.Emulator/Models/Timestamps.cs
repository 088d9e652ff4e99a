using System.Globalization;

namespace KooDrive.Emulator.Models;

/// <summary>The service's <c>createTime</c> format: ISO 8601 UTC with milliseconds, e.g. <c>2025-12-17T07:27:27.709Z</c>.</summary>
internal static class Timestamps
{
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}

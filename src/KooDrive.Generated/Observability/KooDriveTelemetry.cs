using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace KooDrive.Generated.Observability;

/// <summary>
/// Names and values under which the SDK reports what it does: the <see cref="ActivitySource"/> of its
/// spans, the category of its logs and the <c>User-Agent</c> it sends.
/// </summary>
/// <example>
/// <code>
/// // OpenTelemetry
/// builder.Services.AddOpenTelemetry().WithTracing(t => t.AddSource(KooDriveTelemetry.ActivitySourceName));
/// </code>
/// </example>
public static class KooDriveTelemetry
{
    /// <summary>The name of the <see cref="ActivitySource"/> that starts one span per KooDrive call: <c>KooDrive.Generated</c>.</summary>
    public const string ActivitySourceName = "KooDrive.Generated";

    /// <summary>The category of the SDK's log messages: <c>KooDrive.Generated</c>.</summary>
    public const string LoggerCategoryName = "KooDrive.Generated";

    /// <summary>The product token of the <c>User-Agent</c>: <c>KooDrive.Generated</c>.</summary>
    public const string ProductName = "KooDrive.Generated";

    /// <summary>The SDK's informational version, e.g. <c>0.1.0</c> or <c>0.1.0+&lt;commit&gt;</c>.</summary>
    public static string Version { get; } =
        typeof(KooDriveTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(KooDriveTelemetry).Assembly.GetName().Version?.ToString()
        ?? "0.0.0";

    /// <summary>The <c>User-Agent</c> the SDK sends: <c>KooDrive.Generated/&lt;version&gt; (&lt;runtime&gt;)</c>, e.g. <c>KooDrive.Generated/0.1.0 (.NET 10.0.1)</c>.</summary>
    public static string UserAgent { get; } = $"{ProductName}/{Version} ({RuntimeInformation.FrameworkDescription})";

    internal static ActivitySource ActivitySource { get; } = new(ActivitySourceName, Version);
}

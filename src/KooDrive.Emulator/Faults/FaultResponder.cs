using System.Globalization;
using System.Text;
using KooDrive.Emulator.Api;
using Microsoft.AspNetCore.WebUtilities;

namespace KooDrive.Emulator.Faults;

/// <summary>Carries out the faults that act before the service sees the request.</summary>
internal static class FaultResponder
{
    /// <summary>Applies the fault; <see langword="true"/> when it answered (or dropped) the request itself.</summary>
    public static async Task<bool> TryAnswerAsync(HttpContext context, EmulatorFault fault, TimeProvider time)
    {
        switch (fault.Kind)
        {
            case EmulatorFaultKind.ServerError:
                await ResponseWriter.WriteAsync(context, ApiResult.Error(fault.StatusCode, ServiceCodes.InnerFailure, ServiceCodes.InnerFailureMessage), null);
                return true;

            case EmulatorFaultKind.TooManyRequests:
                if (fault.RetryAfter is { } retryAfter)
                {
                    context.Response.Headers.RetryAfter = FormatRetryAfter(retryAfter, fault.RetryAfterFormat, time);
                }

                await ResponseWriter.WriteJsonAsync(context, StatusCodes.Status429TooManyRequests, GatewayResponses.Throttled());
                return true;

            case EmulatorFaultKind.HtmlErrorPage:
                var title = $"{fault.StatusCode} {ReasonPhrases.GetReasonPhrase(fault.StatusCode)}".TrimEnd();
                var page = Encoding.UTF8.GetBytes(HtmlPage(title));
                await ResponseWriter.WriteBytesAsync(context, fault.StatusCode, "text/html", page);
                return true;

            case EmulatorFaultKind.ConnectionAbort:
                context.Abort();
                return true;

            case EmulatorFaultKind.Delay:
                await Task.Delay(fault.Duration, time, context.RequestAborted);
                return false;

            default:
                return false;
        }
    }

    // What nginx in front of a service answers when the upstream fails: HTML, not the service's JSON.
    private static string HtmlPage(string title) =>
        $"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n<center><h1>{title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

    internal static string FormatRetryAfter(TimeSpan retryAfter, RetryAfterFormat format, TimeProvider time)
    {
        var seconds = (long)Math.Ceiling(retryAfter.TotalSeconds);
        if (format == RetryAfterFormat.Seconds)
        {
            return seconds.ToString(CultureInfo.InvariantCulture);
        }

        // An HTTP-date has whole seconds: round the instant up, so the client never retries early.
        var target = time.GetUtcNow().AddSeconds(seconds);
        var ticks = (target.UtcTicks + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond;
        return new DateTimeOffset(ticks, TimeSpan.Zero).ToString("R", CultureInfo.InvariantCulture);
    }
}

using System.Text;

namespace KooDrive.Generated;

/// <summary>
/// A request broke a rule of the KooDrive spec and was not sent. Thrown before any network I/O.
/// </summary>
/// <remarks>
/// <see cref="ArgumentException.ParamName"/> is the path of the first offending value, starting at the method
/// parameter (for example <c>request.ScopeList[3].LocalPath</c> or <c>deviceId</c>); <see cref="Violations"/>
/// lists every broken rule. Values are never echoed, since a header value may be a credential-like token.
/// </remarks>
public sealed class KooDriveValidationException : ArgumentException
{
    /// <summary>Creates the exception for one or more violations.</summary>
    /// <param name="violations">The broken rules; at least one.</param>
    public KooDriveValidationException(IReadOnlyList<KooDriveValidationViolation> violations)
        : this(violations, operationId: null)
    {
    }

    /// <summary>Creates the exception for the violations of a request to one operation, named in the message.</summary>
    internal KooDriveValidationException(IReadOnlyList<KooDriveValidationViolation> violations, string? operationId)
        : base(Describe(violations, operationId), FirstPath(violations))
    {
        Violations = violations;
    }

    /// <summary>Every rule the request broke, in the order found.</summary>
    public IReadOnlyList<KooDriveValidationViolation> Violations { get; }

    private static string FirstPath(IReadOnlyList<KooDriveValidationViolation> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        return violations.Count > 0
            ? violations[0].Path
            : throw new ArgumentException("At least one violation is required.", nameof(violations));
    }

    private static string Describe(IReadOnlyList<KooDriveValidationViolation> violations, string? operationId)
    {
        ArgumentNullException.ThrowIfNull(violations);
        var text = new StringBuilder(operationId is null ? "The request" : $"The {operationId} request")
            .Append(" was not sent: it breaks ")
            .Append(violations.Count == 1 ? "a rule" : $"{violations.Count} rules")
            .Append(" of the KooDrive spec.");
        foreach (var violation in violations.Take(20))
        {
            text.Append(' ').Append(violation.Path).Append(": ").Append(violation.Message).Append(" [").Append(violation.Rule).Append(']').Append(';');
        }

        if (violations.Count > 20)
        {
            text.Append(" …and ").Append(violations.Count - 20).Append(" more.");
        }

        return text.ToString().TrimEnd(';');
    }
}

using System.Globalization;
using System.Text;
using KooDrive.Generated.Serialization;

namespace KooDrive.Generated.Validation;

/// <summary>
/// Collects the rules a request breaks while the generated validation walks it, and tracks where it is
/// (<c>request.ScopeList[3].LocalPath</c>) without building a path string until a rule actually fails.
/// </summary>
/// <remarks>
/// The rules themselves are generated from the spec (<c>generator/KooDrive.CodeGen</c>); this type only holds
/// the few checks that are the same for every value of a kind: well-formed text, path segments, IDs.
/// </remarks>
internal sealed class RuleChecker(string operationId)
{
    private Frame[] _frames = [];
    private int _depth;
    private List<KooDriveValidationViolation>? _violations;

    public string OperationId { get; } = operationId;

    public void Enter(string member) => Push(new Frame(member, -1));

    public void EnterItem(string member, int index) => Push(new Frame(member, index));

    /// <summary>Moves the current list frame (entered with <see cref="EnterItem"/>) to another item.</summary>
    public void MoveToItem(int index) => _frames[_depth - 1] = _frames[_depth - 1] with { Index = index };

    public void Exit() => _depth--;

    /// <summary>A rule broken by <paramref name="member"/> of the value being checked.</summary>
    public void Fail(string member, string rule, string message) => Add(PathTo(member), rule, message);

    /// <summary>A rule broken by the value being checked itself (an array item).</summary>
    public void FailHere(string rule, string message) => Add(PathTo(null), rule, message);

    /// <summary>
    /// Rules of the transport rather than the spec: text must be well-formed UTF-16 (a lone surrogate is sent as
    /// U+FFFD, which names another resource), and a path segment must be printable and not blank.
    /// </summary>
    public void CheckText(string member, string value, bool pathSegment)
    {
        if (!IsWellFormed(value))
        {
            Fail(member, "utf16", "must be well-formed UTF-16 text: a lone surrogate would be sent as U+FFFD, which names another resource");
        }

        if (pathSegment && !IsPrintableSegment(value))
        {
            Fail(member, "printable", "must be printable text without control characters or surrounding white space, since it is sent as a path segment");
        }
    }

    public void CheckId(string member, string value)
    {
        if (IdProblem(value) is { } problem)
        {
            Fail(member, "x-koodrive-id", problem);
        }
    }

    public void CheckIdHere(string value)
    {
        if (IdProblem(value) is { } problem)
        {
            FailHere("x-koodrive-id", problem);
        }
    }

    /// <summary>Whether a conditionally required value is absent: null, an empty string or an empty list.</summary>
    public static bool IsMissing(object? value) => value is null or string { Length: 0 } or System.Collections.ICollection { Count: 0 };

    /// <summary>Throws <see cref="KooDriveValidationException"/> listing every broken rule, if any.</summary>
    public void ThrowIfAny()
    {
        if (_violations is { Count: > 0 })
        {
            throw new KooDriveValidationException(_violations, OperationId);
        }
    }

    private static string? IdProblem(string value) =>
        IdText.IsDigits(value) ? null
        : IdText.HasUnsafeIntegerMarker(value) ? IdText.UnsafeIntegerProblem
        : "must be a KooDrive ID: one or more decimal digits (spec: x-koodrive-id)";

    private static bool IsWellFormed(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c) || c == '\uFFFD')
            {
                // U+FFFD is what a lone surrogate becomes on the wire, so a value holding it cannot be told apart.
                return false;
            }
        }

        return true;
    }

    private static bool IsPrintableSegment(string value)
    {
        if (value.Length == 0)
        {
            return true; // minLength says this, once.
        }

        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }

    private void Push(Frame frame)
    {
        if (_depth == _frames.Length)
        {
            Array.Resize(ref _frames, Math.Max(4, _frames.Length * 2));
        }

        _frames[_depth++] = frame;
    }

    private void Add(string path, string rule, string message) =>
        (_violations ??= []).Add(new KooDriveValidationViolation(path, rule, message));

    private string PathTo(string? member)
    {
        var path = new StringBuilder();
        for (var i = 0; i < _depth; i++)
        {
            if (path.Length > 0)
            {
                path.Append('.');
            }

            path.Append(_frames[i].Member);
            if (_frames[i].Index >= 0)
            {
                path.Append('[').Append(_frames[i].Index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
        }

        if (member is not null)
        {
            if (path.Length > 0)
            {
                path.Append('.');
            }

            path.Append(member);
        }

        return path.ToString();
    }

    private readonly record struct Frame(string Member, int Index);
}

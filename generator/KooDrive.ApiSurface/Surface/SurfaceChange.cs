namespace KooDrive.ApiSurface.Surface;

/// <summary>Whether a surface change can break code compiled or written against the old surface.</summary>
public enum ChangeKind
{
    /// <summary>Existing consumers keep compiling and running: something was added or relaxed.</summary>
    Additive,

    /// <summary>Some consumer code no longer compiles, binds or behaves the same: removed, renamed, retyped or tightened.</summary>
    Breaking,
}

/// <summary>
/// One classified change between two listings: a member or type that was added, removed or changed, the
/// listing lines it consists of, and why it is additive or breaking.
/// </summary>
/// <param name="Kind">Additive or breaking.</param>
/// <param name="Member">The member or type, as its listing names it (with parameters for methods).</param>
/// <param name="Reason">Why, in a few words: <c>removed</c>, <c>type changed: string? → long</c>, ...</param>
/// <param name="Removed">The old line, when the change removes or replaces one.</param>
/// <param name="Added">The new line, when the change adds or replaces one.</param>
public sealed record SurfaceChange(ChangeKind Kind, string Member, string Reason, string? Removed, string? Added)
{
    /// <summary>The change as one line of text: <c>breaking  Member: reason</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{(Kind == ChangeKind.Breaking ? "breaking" : "additive")}  {Member}: {Reason}";
}

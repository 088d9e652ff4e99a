namespace KooDrive.Generated.Spec;

/// <summary>A path, header or query parameter of an operation, with its string constraints.</summary>
/// <param name="Name">The name on the wire.</param>
/// <param name="ClrName">The generated C# parameter name (<c>x-originalName</c>, else the wire name).</param>
/// <param name="In">path, header or query.</param>
/// <param name="Required">Whether the spec marks the parameter required.</param>
/// <param name="Rule">The schema's string constraints, or null when it has none.</param>
internal sealed record SpecParameter(string Name, string ClrName, string In, bool Required, StringRule? Rule);

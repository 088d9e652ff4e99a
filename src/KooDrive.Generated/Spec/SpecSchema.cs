namespace KooDrive.Generated.Spec;

/// <summary>A component schema: its properties (allOf parts merged) and its cross-field rules.</summary>
/// <param name="Name">The component name, which is also the generated class name.</param>
/// <param name="Properties">The properties by JSON name.</param>
/// <param name="NotBothEmpty">The <c>x-koodrive-not-both-empty</c> groups: JSON names of which at least one must be non-empty.</param>
internal sealed record SpecSchema(string Name, IReadOnlyDictionary<string, SpecProperty> Properties, IReadOnlyList<IReadOnlyList<string>> NotBothEmpty);

/// <summary>One property of a schema, as far as the SDK enforces it beyond the generated data annotations.</summary>
/// <param name="JsonName">The JSON property name.</param>
/// <param name="IsId">The property is a KooDrive ID (<c>x-koodrive-id</c>).</param>
/// <param name="ItemsAreIds">The property is an array whose items are KooDrive IDs.</param>
/// <param name="ItemRule">The string constraints of the array's items, or null.</param>
internal sealed record SpecProperty(string JsonName, bool IsId, bool ItemsAreIds, StringRule? ItemRule);

namespace KooDrive.Emulator.Spec;

/// <summary>Names the spec schema (<c>#/components/schemas/...</c>) an emulator model serialises as.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class SpecSchemaAttribute(string schemaId) : Attribute
{
    public string SchemaId { get; } = schemaId;
}

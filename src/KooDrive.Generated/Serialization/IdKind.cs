namespace KooDrive.Generated.Serialization;

/// <summary>Whether a DTO property holds a KooDrive ID, a list of them, or neither (from <c>x-koodrive-id</c>).</summary>
internal enum IdKind
{
    None,
    Scalar,
    List,
}

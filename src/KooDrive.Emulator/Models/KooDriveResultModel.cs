using KooDrive.Emulator.Spec;

namespace KooDrive.Emulator.Models;

/// <summary>The envelope every response carries; alone, it is the error body and the plain success body.</summary>
[SpecSchema("KooDriveResult")]
internal sealed record KooDriveResultModel(int Code, string? Msg);

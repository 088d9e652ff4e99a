namespace KooDrive.Emulator;

/// <summary>An API route the running emulator serves, read back from its endpoint table.</summary>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="PathTemplate">The path template, spelled as in the spec (e.g. <c>/koodrive/ose/v1/backup/record/{recordId}</c>).</param>
/// <param name="OperationId">The spec's operationId.</param>
public sealed record EmulatorRoute(string Method, string PathTemplate, string OperationId);

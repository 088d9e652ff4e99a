using KooDrive.Emulator.Api;

namespace KooDrive.Emulator;

/// <summary>The operations the emulator serves: exactly the operationIds of the spec it was built with.</summary>
public static class EmulatorOperations
{
    /// <summary>Every operationId of the embedded spec; fault injection targets them by name.</summary>
    public static IReadOnlySet<string> All { get; } = OperationTable.All.Select(o => o.OperationId).ToHashSet(StringComparer.Ordinal);
}

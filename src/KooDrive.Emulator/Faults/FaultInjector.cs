namespace KooDrive.Emulator.Faults;

/// <summary>
/// The queue of injected faults. Each request of a route takes at most one fault: the oldest pending one
/// aimed at its operation (or at every operation), so a test that arms faults knows exactly which
/// requests they hit. Thread-safe.
/// </summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly List<PendingFault> _pending = [];

    internal FaultInjector()
    {
    }

    /// <summary>The faults not yet used up, oldest first.</summary>
    public IReadOnlyList<PendingFault> Pending
    {
        get
        {
            lock (_gate)
            {
                return [.. _pending];
            }
        }
    }

    /// <summary>Arms a fault for one operation.</summary>
    /// <param name="operationId">The spec's operationId (see <see cref="EmulatorOperations"/>), or <see langword="null"/> for every operation.</param>
    /// <param name="fault">The fault; it applies to the next <see cref="EmulatorFault.Count"/> matching requests.</param>
    public void Inject(string? operationId, EmulatorFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        if (operationId is not null && !EmulatorOperations.All.Contains(operationId))
        {
            throw new ArgumentException($"'{operationId}' is not an operationId of spec/openapi.yaml.", nameof(operationId));
        }

        lock (_gate)
        {
            _pending.Add(new PendingFault(operationId, fault, fault.Count));
        }
    }

    /// <summary>Arms a fault for every operation.</summary>
    /// <param name="fault">The fault.</param>
    public void Inject(EmulatorFault fault) => Inject(null, fault);

    /// <summary>Disarms every pending fault.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _pending.Clear();
        }
    }

    internal EmulatorFault? TryTake(string operationId)
    {
        lock (_gate)
        {
            var index = _pending.FindIndex(p => p.OperationId is null || p.OperationId == operationId);
            if (index < 0)
            {
                return null;
            }

            var pending = _pending[index];
            if (pending.Remaining == 1)
            {
                _pending.RemoveAt(index);
            }
            else
            {
                _pending[index] = pending with { Remaining = pending.Remaining - 1 };
            }

            return pending.Fault;
        }
    }
}

/// <summary>A fault waiting for requests.</summary>
/// <param name="OperationId">The operation it targets, or <see langword="null"/> for every operation.</param>
/// <param name="Fault">The fault.</param>
/// <param name="Remaining">How many more requests it applies to.</param>
public sealed record PendingFault(string? OperationId, EmulatorFault Fault, int Remaining);

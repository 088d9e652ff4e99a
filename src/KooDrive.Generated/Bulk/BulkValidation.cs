using System.Globalization;

namespace KooDrive.Generated.Bulk;

/// <summary>
/// Checks every request a bulk delete will send, before it sends the first, with the generated check of the
/// operation, and reports each broken rule at the caller's own argument: <c>scopeIds[4321]</c> rather than the
/// forty-fourth chunk's <c>request.ScopeIdList[21]</c>.
/// </summary>
internal static class BulkValidation
{
    /// <returns>The requests, one per chunk.</returns>
    public static TRequest[] CheckedChunks<TId, TRequest>(ChunkedOperation<TId, TRequest> operation, IReadOnlyList<TId> ids)
    {
        var (parameterName, chunkSize) = (operation.Parameter, operation.ChunkSize);
        var violations = new List<KooDriveValidationViolation>();
        var seen = new Dictionary<string, int>(ids.Count, StringComparer.Ordinal);
        for (var i = 0; i < ids.Count; i++)
        {
            // Repeats are refused: the service would report the second one failed (or, in another chunk, delete the
            // ID in one request and report it missing in the other), and the outcome accounts for each ID once.
            if (operation.IdKey(ids[i]) is { } key && !seen.TryAdd(key, i))
            {
                violations.Add(new KooDriveValidationViolation(
                    Item(parameterName, i),
                    "unique",
                    $"repeats {Item(parameterName, seen[key])}; a bulk delete takes each ID once"));
            }
        }

        var requests = new TRequest[(ids.Count + chunkSize - 1) / chunkSize];
        for (var chunk = 0; chunk < requests.Length; chunk++)
        {
            var start = chunk * chunkSize;
            requests[chunk] = operation.CreateRequest(Enumerable.Range(start, Math.Min(chunkSize, ids.Count - start)).Select(i => ids[i]));
            Collect(() => operation.Check(requests[chunk]), start);
        }

        if (requests.Length == 0)
        {
            // Nothing to send, but the other arguments are still checked: an empty request reports only its list.
            Collect(() => operation.Check(operation.CreateRequest([])), offset: -1);
        }

        if (violations.Count > 0)
        {
            throw new KooDriveValidationException(violations, operation.OperationId);
        }

        return requests;

        void Collect(Action run, int offset)
        {
            try
            {
                run();
            }
            catch (KooDriveValidationException refused)
            {
                foreach (var violation in refused.Violations)
                {
                    var rebased = Rebase(violation, operation.RequestListPath, parameterName, offset);
                    if (rebased is not null && !violations.Contains(rebased))
                    {
                        violations.Add(rebased);
                    }
                }
            }
        }
    }

    // A rule of the request's list becomes a rule of the caller's list; one of another argument stays as it is.
    private static KooDriveValidationViolation? Rebase(KooDriveValidationViolation violation, string requestListPath, string parameterName, int offset)
    {
        if (!violation.Path.StartsWith(requestListPath, StringComparison.Ordinal))
        {
            return violation;
        }

        var rest = violation.Path[requestListPath.Length..];
        if (offset < 0 || !rest.StartsWith('['))
        {
            // The list as a whole (its size): the chunks are made to fit, so only an empty list can break it.
            return null;
        }

        var close = rest.IndexOf(']', StringComparison.Ordinal);
        var index = int.Parse(rest.AsSpan(1, close - 1), NumberStyles.None, CultureInfo.InvariantCulture);
        return violation with { Path = Item(parameterName, offset + index) + rest[(close + 1)..] };
    }

    private static string Item(string parameterName, int index) => string.Create(CultureInfo.InvariantCulture, $"{parameterName}[{index}]");
}

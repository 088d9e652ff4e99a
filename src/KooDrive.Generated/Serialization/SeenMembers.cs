namespace KooDrive.Generated.Serialization;

/// <summary>
/// Which members of one JSON object have been read, by member index: bits for the first 64 (every spec model has
/// fewer), an array beyond.
/// </summary>
internal struct SeenMembers(int count)
{
    private readonly bool[]? _more = count > 64 ? new bool[count - 64] : null;
    private ulong _first;

    /// <summary>Marks a member read; false when it already was.</summary>
    public bool Add(int index)
    {
        if (index < 64)
        {
            var bit = 1UL << index;
            var added = (_first & bit) == 0;
            _first |= bit;
            return added;
        }

        var seen = _more![index - 64];
        _more[index - 64] = true;
        return !seen;
    }

    /// <summary>Whether a member has been read.</summary>
    public readonly bool Contains(int index) => index < 64 ? (_first & (1UL << index)) != 0 : _more![index - 64];
}

using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using KooDrive.Generated.Serialization;

namespace KooDrive.Generated;

/// <summary>
/// A KooDrive ID (scope, device, record, album …): an unsigned whole number of any length, kept as its decimal
/// digits so that no digit is ever lost. KooDrive IDs are 19-digit values above 2^53, which a
/// <see cref="double"/> (and so a JavaScript number) cannot hold.
/// </summary>
/// <remarks>
/// Converts implicitly from <see cref="long"/> and to <see cref="string"/>, so it can be passed wherever the
/// generated API takes an ID string: <c>backup.UnbindDeviceAsync(KooDriveId.FromInt64(id))</c>. The default
/// value is the ID <c>0</c>.
/// </remarks>
public readonly struct KooDriveId : IEquatable<KooDriveId>, IComparable<KooDriveId>, IComparable
{
    private readonly string? _digits;

    private KooDriveId(string digits) => _digits = digits;

    /// <summary>The ID's decimal digits, exactly as given.</summary>
    public string Digits => _digits ?? "0";

    /// <summary>Converts a non-negative <see cref="long"/>, exactly.</summary>
    /// <param name="value">The ID.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative.</exception>
    public static implicit operator KooDriveId(long value) => FromInt64(value);

    /// <summary>The ID's decimal digits.</summary>
    /// <param name="id">The ID.</param>
    public static implicit operator string(KooDriveId id) => id.Digits;

    /// <summary>Parses an ID; see <see cref="Parse(string)"/>.</summary>
    /// <param name="value">The ID's decimal digits.</param>
    public static explicit operator KooDriveId(string value) => Parse(value);

    /// <summary>Whether two IDs have the same digits.</summary>
    /// <param name="left">An ID.</param>
    /// <param name="right">Another ID.</param>
    public static bool operator ==(KooDriveId left, KooDriveId right) => left.Equals(right);

    /// <summary>Whether two IDs differ.</summary>
    /// <param name="left">An ID.</param>
    /// <param name="right">Another ID.</param>
    public static bool operator !=(KooDriveId left, KooDriveId right) => !left.Equals(right);

    /// <summary>Whether <paramref name="left"/> is numerically smaller.</summary>
    /// <param name="left">An ID.</param>
    /// <param name="right">Another ID.</param>
    public static bool operator <(KooDriveId left, KooDriveId right) => left.CompareTo(right) < 0;

    /// <summary>Whether <paramref name="left"/> is numerically smaller or equal.</summary>
    /// <param name="left">An ID.</param>
    /// <param name="right">Another ID.</param>
    public static bool operator <=(KooDriveId left, KooDriveId right) => left.CompareTo(right) <= 0;

    /// <summary>Whether <paramref name="left"/> is numerically larger.</summary>
    /// <param name="left">An ID.</param>
    /// <param name="right">Another ID.</param>
    public static bool operator >(KooDriveId left, KooDriveId right) => left.CompareTo(right) > 0;

    /// <summary>Whether <paramref name="left"/> is numerically larger or equal.</summary>
    /// <param name="left">An ID.</param>
    /// <param name="right">Another ID.</param>
    public static bool operator >=(KooDriveId left, KooDriveId right) => left.CompareTo(right) >= 0;

    /// <summary>Converts a non-negative <see cref="long"/>, exactly.</summary>
    /// <param name="value">The ID.</param>
    /// <returns>The ID.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative.</exception>
    public static KooDriveId FromInt64(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        return new KooDriveId(value.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Parses an ID written as decimal digits (ASCII <c>0</c>–<c>9</c>, any length), exactly as written.</summary>
    /// <param name="value">The digits.</param>
    /// <returns>The ID.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="FormatException">
    /// <paramref name="value"/> is not decimal digits, or carries the doc renderer's <c>VW5TYWZlSW50ZWdlcg==</c>
    /// marker (its digits were rounded and cannot be trusted).
    /// </exception>
    public static KooDriveId Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (TryParse(value, out var id))
        {
            return id;
        }

        throw new FormatException(IdText.HasUnsafeIntegerMarker(value)
            ? $"The value {IdText.UnsafeIntegerProblem}."
            : "A KooDrive ID is one or more decimal digits.");
    }

    /// <summary>Parses an ID written as decimal digits; see <see cref="Parse(string)"/>.</summary>
    /// <param name="value">The digits.</param>
    /// <param name="id">The ID, when the result is true.</param>
    /// <returns>Whether <paramref name="value"/> is an ID.</returns>
    public static bool TryParse([NotNullWhen(true)] string? value, out KooDriveId id)
    {
        id = IdText.IsDigits(value) ? new KooDriveId(value) : default;
        return IdText.IsDigits(value);
    }

    /// <summary>The ID as a <see cref="long"/>.</summary>
    /// <returns>The value.</returns>
    /// <exception cref="OverflowException">The ID is larger than <see cref="long.MaxValue"/>.</exception>
    public long ToInt64() => TryToInt64(out var value)
        ? value
        : throw new OverflowException($"The KooDrive ID {Digits} does not fit in a 64-bit signed integer.");

    /// <summary>The ID as a <see cref="long"/>, if it fits.</summary>
    /// <param name="value">The value, when the result is true.</param>
    /// <returns>Whether the ID fits in a <see cref="long"/>.</returns>
    public bool TryToInt64(out long value) => long.TryParse(Digits, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    /// <inheritdoc/>
    public bool Equals(KooDriveId other) => string.Equals(Digits, other.Digits, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is KooDriveId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Digits);

    /// <summary>Numeric order; IDs with the same value but different leading zeros order by their digits.</summary>
    /// <param name="other">Another ID.</param>
    /// <returns>Negative, zero or positive.</returns>
    public int CompareTo(KooDriveId other)
    {
        var left = Significant(Digits);
        var right = Significant(other.Digits);
        var byValue = left.Length != right.Length ? left.Length.CompareTo(right.Length) : string.CompareOrdinal(left, right);
        return byValue != 0 ? byValue : string.CompareOrdinal(Digits, other.Digits);
    }

    /// <inheritdoc/>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        KooDriveId other => CompareTo(other),
        _ => throw new ArgumentException($"Expected a {nameof(KooDriveId)}.", nameof(obj)),
    };

    /// <summary>The ID's decimal digits.</summary>
    /// <returns>The digits.</returns>
    public override string ToString() => Digits;

    private static string Significant(string digits)
    {
        var trimmed = digits.TrimStart('0');
        return trimmed.Length == 0 ? "0" : trimmed;
    }
}

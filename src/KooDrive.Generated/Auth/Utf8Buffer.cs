using System.Buffers;
using System.Text;

namespace KooDrive.Generated.Auth;

/// <summary>
/// A UTF-8 text buffer that starts on a caller's stack span and moves to a pooled array only when the text
/// outgrows it, so building a canonical request allocates nothing for a request of ordinary size.
/// </summary>
internal ref struct Utf8Buffer
{
    private Span<byte> _span;
    private byte[]? _rented;
    private int _length;

    public Utf8Buffer(Span<byte> initial)
    {
        _span = initial;
        _rented = null;
        _length = 0;
    }

    public readonly ReadOnlySpan<byte> Written => _span[.._length];

    public void Append(byte value)
    {
        if (_length == _span.Length)
        {
            Grow(1);
        }

        _span[_length++] = value;
    }

    public void Append(char ascii) => Append((byte)ascii);

    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (_length + bytes.Length > _span.Length)
        {
            Grow(bytes.Length);
        }

        bytes.CopyTo(_span[_length..]);
        _length += bytes.Length;
    }

    public void Append(ReadOnlySpan<char> text)
    {
        var needed = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (_length + needed > _span.Length)
        {
            Grow(needed);
        }

        _length += Encoding.UTF8.GetBytes(text, _span[_length..]);
    }

    public void Dispose()
    {
        if (_rented is not null)
        {
            ArrayPool<byte>.Shared.Return(_rented);
            _rented = null;
        }
    }

    private void Grow(int needed)
    {
        var next = ArrayPool<byte>.Shared.Rent(Math.Max(_span.Length * 2, _length + needed));
        _span[.._length].CopyTo(next);
        if (_rented is not null)
        {
            ArrayPool<byte>.Shared.Return(_rented);
        }

        _rented = next;
        _span = next;
    }
}

namespace MiniQuantDesk.Ring;

/// <summary>
/// What a consumer waits on: the producers' cursor and, for a consumer downstream of others, the sequences of
/// the consumers it follows. <see cref="Value"/> is the highest sequence it may handle (before checking, for a
/// multi-producer ring, that every slot up to it is published).
/// </summary>
public sealed class DependentSequences
{
    private readonly Sequence[] _upstream;
    private readonly Sequence? _single;

    /// <summary>Creates the dependency on <paramref name="cursor"/> and on <paramref name="upstream"/> consumers.</summary>
    public DependentSequences(Sequence cursor, Sequence[] upstream)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        ArgumentNullException.ThrowIfNull(upstream);
        Cursor = cursor;
        _upstream = [.. upstream];
        _single = _upstream.Length switch
        {
            0 => cursor,
            1 => _upstream[0],
            _ => null,
        };
    }

    /// <summary>The producers' cursor.</summary>
    public Sequence Cursor { get; }

    /// <summary>True when the consumer follows other consumers rather than the cursor alone.</summary>
    public bool HasUpstream => _upstream.Length > 0;

    /// <summary>The minimum of the upstream sequences, or the cursor when there are none. Volatile reads.</summary>
    public long Value
    {
        get
        {
            if (_single is not null)
            {
                return _single.Value;
            }

            long minimum = long.MaxValue;
            foreach (Sequence sequence in _upstream)
            {
                minimum = Math.Min(minimum, sequence.Value);
            }

            return minimum;
        }
    }
}

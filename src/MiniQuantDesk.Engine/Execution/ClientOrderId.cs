using System.Globalization;

namespace MiniQuantDesk.Engine.Execution;

/// <summary>
/// The id an order is sent to the broker with, derived only from stable inputs — the engine, the run, the event
/// sequence that decided the order and the intent's index within that event — so that a replay or a retry of the
/// same events produces the same ids, and the broker can never be handed two orders under one id. It carries the
/// engine id, so any order found at the broker can be attributed to the engine that sent it.
/// <para>
/// It is a 16-byte value (no string on the hot path). Its canonical text, for the broker and the journal only, is
/// <c>E{engine}-R{run}-S{sequence}-I{intent}</c>, e.g. <c>E3-R7-S000123456-I0</c>: the sequence is padded to
/// <see cref="SequenceMinDigits"/> digits so that a run's ids sort by sequence as text, and no field has other
/// leading zeros. The longest text is <see cref="MaxTextLength"/> characters, inside the 48 that common broker
/// APIs accept. <see cref="TryParse"/> accepts exactly the canonical text, so text and id map one to one.
/// </para>
/// <para>
/// Ids order by engine, run, sequence and intent index; within one run that is the order in which the engine
/// decides orders, which the <see cref="OrderManager"/> relies on to find an order by id without a hash table.
/// </para>
/// </summary>
public readonly record struct ClientOrderId : IComparable<ClientOrderId>
{
    /// <summary>The highest engine id (engine ids start at 1; 0 marks <see cref="None"/>).</summary>
    public const int MaxEngineId = ushort.MaxValue;

    /// <summary>The highest run id (run ids start at 1).</summary>
    public const long MaxRunId = uint.MaxValue;

    /// <summary>The highest intent index within one event.</summary>
    public const int MaxIntentIndex = ushort.MaxValue;

    /// <summary>The sequence is written with at least this many digits, zero-padded.</summary>
    public const int SequenceMinDigits = 9;

    /// <summary>The longest canonical text: <c>E65535-R4294967295-S9223372036854775807-I65535</c>.</summary>
    public const int MaxTextLength = 46;

    // Widest field first, so the value packs into 16 bytes.
    private readonly long _eventSequence;
    private readonly uint _runId;
    private readonly ushort _engineId;
    private readonly ushort _intentIndex;

    /// <summary>Creates the id of intent <paramref name="intentIndex"/> decided at <paramref name="eventSequence"/>.</summary>
    /// <param name="engineId">The engine, 1 to <see cref="MaxEngineId"/>.</param>
    /// <param name="runId">The run, 1 to <see cref="MaxRunId"/>.</param>
    /// <param name="eventSequence">The ring sequence of the event that decided the order, 0 or more.</param>
    /// <param name="intentIndex">The intent's index within that event, 0 to <see cref="MaxIntentIndex"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A field is outside its range.</exception>
    public ClientOrderId(int engineId, long runId, long eventSequence, int intentIndex)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(engineId, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(engineId, MaxEngineId);
        ArgumentOutOfRangeException.ThrowIfLessThan(runId, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(runId, MaxRunId);
        ArgumentOutOfRangeException.ThrowIfNegative(eventSequence);
        ArgumentOutOfRangeException.ThrowIfNegative(intentIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(intentIndex, MaxIntentIndex);
        _engineId = (ushort)engineId;
        _runId = (uint)runId;
        _eventSequence = eventSequence;
        _intentIndex = (ushort)intentIndex;
    }

    /// <summary>No id: what an event carries when the broker named only its own order id.</summary>
    public static readonly ClientOrderId None;

    /// <summary>True for a real id (<see cref="None"/> has engine 0).</summary>
    public bool IsSet => _engineId != 0;

    /// <summary>The engine that sent the order.</summary>
    public int EngineId => _engineId;

    /// <summary>The run the order was decided in.</summary>
    public long RunId => _runId;

    /// <summary>The ring sequence of the event that decided the order.</summary>
    public long EventSequence => _eventSequence;

    /// <summary>The intent's index within its event.</summary>
    public int IntentIndex => _intentIndex;

    /// <summary>Creates an id without throwing: false when a field is outside its range.</summary>
    public static bool TryCreate(int engineId, long runId, long eventSequence, int intentIndex, out ClientOrderId id)
    {
        bool valid = engineId is >= 1 and <= MaxEngineId
            && runId is >= 1 and <= MaxRunId
            && eventSequence >= 0
            && intentIndex is >= 0 and <= MaxIntentIndex;
        id = valid ? new ClientOrderId(engineId, runId, eventSequence, intentIndex) : None;
        return valid;
    }

    /// <summary>Writes the canonical text into <paramref name="destination"/> without allocating.</summary>
    /// <returns>False (nothing usable written) for <see cref="None"/>, which must never reach a broker, or when
    /// the destination is too short; <see cref="MaxTextLength"/> characters always suffice.</returns>
    public bool TryFormat(Span<char> destination, out int charsWritten)
    {
        charsWritten = 0;
        int length = 0;
        if (!IsSet
            || !TryWriteField(destination, ref length, 'E', (ulong)_engineId, 1)
            || !TryWriteField(destination, ref length, 'R', _runId, 1)
            || !TryWriteField(destination, ref length, 'S', (ulong)_eventSequence, SequenceMinDigits)
            || !TryWriteField(destination, ref length, 'I', _intentIndex, 1))
        {
            return false;
        }

        charsWritten = length;
        return true;
    }

    /// <summary>The canonical text, e.g. <c>E3-R7-S000123456-I0</c> (allocates: for the edge, not the hot path);
    /// <see cref="None"/> gives <c>none</c>.</summary>
    public override string ToString()
    {
        if (!IsSet)
        {
            return "none";
        }

        Span<char> buffer = stackalloc char[MaxTextLength];
        TryFormat(buffer, out int written);
        return new string(buffer[..written]);
    }

    /// <summary>Parses the canonical text, and only it: no spaces, no lower case, no extra leading zeros, every
    /// field in range. A text that parses formats back to itself.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out ClientOrderId id)
    {
        id = None;
        int position = 0;
        if (!TryReadField(text, ref position, 'E', 1, out ulong engine)
            || !TryReadField(text, ref position, 'R', 1, out ulong run)
            || !TryReadField(text, ref position, 'S', SequenceMinDigits, out ulong sequence)
            || !TryReadField(text, ref position, 'I', 1, out ulong intent)
            || position != text.Length
            || engine > MaxEngineId || run > MaxRunId || sequence > long.MaxValue || intent > MaxIntentIndex)
        {
            return false;
        }

        return TryCreate((int)engine, (long)run, (long)sequence, (int)intent, out id);
    }

    /// <summary>Parses the canonical text.</summary>
    /// <exception cref="FormatException">The text is not a canonical client order id.</exception>
    public static ClientOrderId Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out ClientOrderId id)
            ? id
            : throw new FormatException(
                $"'{text}' is not a client order id: expected E<engine 1-{MaxEngineId}>-R<run 1-{MaxRunId}>-S<sequence, at least {SequenceMinDigits} digits>-I<intent 0-{MaxIntentIndex}>, e.g. E3-R7-S000123456-I0.");
    }

    /// <summary>Orders by engine, run, event sequence, then intent index.</summary>
    public int CompareTo(ClientOrderId other)
    {
        int byEngine = _engineId.CompareTo(other._engineId);
        if (byEngine != 0)
        {
            return byEngine;
        }

        int byRun = _runId.CompareTo(other._runId);
        if (byRun != 0)
        {
            return byRun;
        }

        int bySequence = _eventSequence.CompareTo(other._eventSequence);
        return bySequence != 0 ? bySequence : _intentIndex.CompareTo(other._intentIndex);
    }

    /// <summary>Orders ids (see <see cref="CompareTo"/>).</summary>
    public static bool operator <(ClientOrderId left, ClientOrderId right) => left.CompareTo(right) < 0;

    /// <summary>Orders ids (see <see cref="CompareTo"/>).</summary>
    public static bool operator >(ClientOrderId left, ClientOrderId right) => left.CompareTo(right) > 0;

    /// <summary>Orders ids (see <see cref="CompareTo"/>).</summary>
    public static bool operator <=(ClientOrderId left, ClientOrderId right) => left.CompareTo(right) <= 0;

    /// <summary>Orders ids (see <see cref="CompareTo"/>).</summary>
    public static bool operator >=(ClientOrderId left, ClientOrderId right) => left.CompareTo(right) >= 0;

    private static bool TryWriteField(Span<char> destination, ref int length, char tag, ulong value, int minDigits)
    {
        int digits = CountDigits(value);
        int padding = Math.Max(minDigits - digits, 0);
        int separator = length == 0 ? 0 : 1;
        if (destination.Length - length < separator + 1 + padding + digits)
        {
            return false;
        }

        if (separator == 1)
        {
            destination[length++] = '-';
        }

        destination[length++] = tag;
        destination.Slice(length, padding).Fill('0');
        length += padding;
        value.TryFormat(destination[length..], out int written, default, CultureInfo.InvariantCulture);
        length += written;
        return true;
    }

    /// <summary>Reads <c>[-]tag digits</c>; the digits must be exactly what <see cref="TryWriteField"/> writes for
    /// their value (at least <paramref name="minDigits"/>, and no leading zero beyond that padding).</summary>
    private static bool TryReadField(ReadOnlySpan<char> text, ref int position, char tag, int minDigits, out ulong value)
    {
        value = 0;
        if (position > 0)
        {
            if (position >= text.Length || text[position] != '-')
            {
                return false;
            }

            position++;
        }

        if (position >= text.Length || text[position] != tag)
        {
            return false;
        }

        position++;
        int start = position;
        while (position < text.Length && char.IsAsciiDigit(text[position]))
        {
            if (position - start == 20)
            {
                return false;
            }

            ulong digit = (ulong)(text[position] - '0');
            if (value > (ulong.MaxValue - digit) / 10)
            {
                return false;
            }

            value = (value * 10) + digit;
            position++;
        }

        int digits = position - start;
        return digits > 0 && digits == Math.Max(CountDigits(value), minDigits);
    }

    private static int CountDigits(ulong value)
    {
        int digits = 1;
        while (value >= 10)
        {
            value /= 10;
            digits++;
        }

        return digits;
    }
}

using System.Globalization;
using MiniQuantDesk.Journal.Writing;

namespace MiniQuantDesk.Brokers.Paper;

/// <summary>
/// The paper broker's ids, and how they map to the engine's numeric handles. Every id is a prefix and a number the
/// database hands out in order, and the engine's handle is that number itself (never a hash):
/// <list type="table">
/// <item><term>order <c>P{n}</c></term><description><c>BrokerOrderId.Handle</c> = n (<c>orders.order_number</c>)</description></item>
/// <item><term>message <c>M{n}</c></term><description><c>BrokerOrderEvent.MessageId</c> = n (<c>events.id</c>, the event cursor)</description></item>
/// <item><term>fill <c>F{n}</c></term><description><c>BrokerOrderEvent.FillId</c> = n (<c>events.fill_number</c>)</description></item>
/// </list>
/// So a journal that writes a message handle as its decimal text (the journal writer's default) stores the event id as
/// its broker cursor, and one that writes the broker's own text stores <c>M{n}</c>; <see cref="CursorFromJournal"/>
/// reads either back to the event id to resume after. Give the journal writer <see cref="JournalText"/> as its
/// <see cref="JournalWriterOptions.BrokerIdText"/> to have it store the broker's own texts.
/// </summary>
public static class PaperBrokerIds
{
    /// <summary>The broker order id of order number <paramref name="number"/>: <c>P{n}</c>.</summary>
    public static string OrderText(long number) => Text('P', number);

    /// <summary>The message id of event <paramref name="eventId"/>: <c>M{n}</c>.</summary>
    public static string MessageText(long eventId) => Text('M', eventId);

    /// <summary>The fill id of fill number <paramref name="number"/>: <c>F{n}</c>.</summary>
    public static string FillText(long number) => Text('F', number);

    /// <summary>
    /// The broker's own text of an engine handle, for <see cref="JournalWriterOptions.BrokerIdText"/>: a message
    /// handle n is <c>M{n}</c>, a fill <c>F{n}</c>, an order <c>P{n}</c>.
    /// </summary>
    public static string JournalText(BrokerIdKind kind, long handle) => kind switch
    {
        BrokerIdKind.Message => MessageText(handle),
        BrokerIdKind.Fill => FillText(handle),
        BrokerIdKind.Order => OrderText(handle),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a broker id kind"),
    };

    /// <summary>Reads <c>P{n}</c> back to n.</summary>
    public static bool TryParseOrder(string? text, out long number) => TryParse(text, 'P', out number);

    /// <summary>Reads <c>M{n}</c> back to n.</summary>
    public static bool TryParseMessage(string? text, out long eventId) => TryParse(text, 'M', out eventId);

    /// <summary>Reads <c>F{n}</c> back to n.</summary>
    public static bool TryParseFill(string? text, out long number) => TryParse(text, 'F', out number);

    /// <summary>
    /// The event id to resume after, from the journal's <c>broker_cursor.cursor</c>: null (no cursor yet) is 0 (read
    /// from the first event); <c>M{n}</c> or the decimal text <c>n</c> is n.
    /// </summary>
    /// <exception cref="FormatException">The text is neither: the cursor belongs to another broker or was edited, and
    /// resuming from a guess could lose or repeat events.</exception>
    public static long CursorFromJournal(string? cursor)
    {
        if (cursor is null)
        {
            return 0;
        }

        if (TryParseMessage(cursor, out long eventId)
            || (long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out eventId) && eventId > 0 && Text('M', eventId)[1..] == cursor))
        {
            return eventId;
        }

        throw new FormatException(
            $"broker cursor '{cursor}' is not a paper broker event id (M<n> or <n>, n > 0, no leading zeros); it was written for another broker or edited by hand. Resuming from a guess could lose or repeat broker events: fix the cursor in broker_cursor first.");
    }

    private static string Text(char prefix, long number)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(number);
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}{number}");
    }

    private static bool TryParse(string? text, char prefix, out long number)
    {
        number = 0;
        return text is { Length: >= 2 }
            && text[0] == prefix
            && text[1] != '0'
            && long.TryParse(text.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out number)
            && number > 0;
    }
}

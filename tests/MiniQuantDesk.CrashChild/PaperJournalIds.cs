using MiniQuantDesk.Brokers.Paper;
using MiniQuantDesk.Journal.Recovery;
using MiniQuantDesk.Journal.Writing;

namespace MiniQuantDesk.CrashChild;

/// <summary>
/// The inverse of <see cref="PaperBrokerIds.JournalText"/>, which the child's journal writer uses: a restore reads the
/// broker's own texts (<c>M{n}</c>, <c>F{n}</c>, <c>P{n}</c>) back to the engine's handles (n).
/// </summary>
public static class PaperJournalIds
{
    /// <summary>The handle of <paramref name="text"/> as <see cref="JournalRecoveryOptions.BrokerIdHandle"/> wants it:
    /// n, or 0 when the text is not the paper broker's id of that kind (the restore then refuses the row).</summary>
    public static long Handle(BrokerIdKind kind, string text)
    {
        long number;
        bool parsed = kind switch
        {
            BrokerIdKind.Message => PaperBrokerIds.TryParseMessage(text, out number),
            BrokerIdKind.Fill => PaperBrokerIds.TryParseFill(text, out number),
            BrokerIdKind.Order => PaperBrokerIds.TryParseOrder(text, out number),
            _ => (number = 0) != 0,
        };
        return parsed ? number : 0;
    }
}

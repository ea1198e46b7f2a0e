using System.Globalization;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Journal.Writing;

namespace MiniQuantDesk.Journal.Recovery;

/// <summary>How a <see cref="JournalRecovery"/> reads the journal back: the database, and the inverses of the texts
/// the <see cref="JournalWriter"/> wrote (<see cref="JournalWriterOptions.SymbolName"/> and
/// <see cref="JournalWriterOptions.BrokerIdText"/>).</summary>
public sealed record JournalRecoveryOptions
{
    /// <summary>The database (an Npgsql connection string).</summary>
    public required string ConnectionString { get; init; }

    /// <summary>The symbol id of a symbol's text (e.g. the engines' symbol table), or <see cref="SymbolId.None"/>
    /// for a symbol the engines do not trade (the row is then refused).</summary>
    public required Func<string, SymbolId> SymbolOf { get; init; }

    /// <summary>The interned handle of a broker id's text, or 0 when the text is not one the adapter knows (the row
    /// is then refused). By default the inverse of the writer's default: the text's decimal number.</summary>
    public Func<BrokerIdKind, string, long> BrokerIdHandle { get; init; } = static (_, text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long handle) && handle > 0 ? handle : 0;

    /// <summary>How long a threaded pipeline may take to handle the restore events before the restore fails.</summary>
    public TimeSpan HandleTimeout { get; init; } = TimeSpan.FromSeconds(30);
}

using System.Globalization;
using MiniQuantDesk.Engine.Market;

namespace MiniQuantDesk.Journal.Writing;

/// <summary>What a <see cref="JournalWriter"/> writes for: one run of one engine, in one database.</summary>
public sealed record JournalWriterOptions
{
    /// <summary>The database (an Npgsql connection string).</summary>
    public required string ConnectionString { get; init; }

    /// <summary>The run (<c>runs.run_id</c>); its row must exist before the writer starts.</summary>
    public required Guid RunId { get; init; }

    /// <summary>The run's number (<c>runs.run_number</c>): the run field of every client order id the engine makes.</summary>
    public required long RunNumber { get; init; }

    /// <summary>The engine (its int id; written as decimal text, e.g. <c>"1"</c>).</summary>
    public required int EngineId { get; init; }

    /// <summary>The text of a symbol id (e.g. the engines' <see cref="SymbolTable.NameOf"/>).</summary>
    public required Func<SymbolId, string> SymbolName { get; init; }

    /// <summary>The broker's text of an interned id (the adapter's intern table). By default the handle's decimal
    /// text, for runs whose broker ids are numbers (a simulated venue).</summary>
    public Func<BrokerIdKind, long, string> BrokerIdText { get; init; } =
        static (_, handle) => handle.ToString(CultureInfo.InvariantCulture);

    /// <summary>How far the equity peak may rise, in basis points of the journaled peak, before the rise alone is
    /// worth a transaction (see <see cref="RiskCheckpointPolicy"/>); 10 by default, 0 writes every rise at once. Any
    /// other change of the risk state (a new trading day, the day's starting equity, the kill switch) is written at
    /// once whatever this says.</summary>
    public int RiskPeakStepBasisPoints { get; init; } = RiskCheckpointPolicy.DefaultPeakStepBasisPoints;
}

namespace MiniQuantDesk.Journal.Runs;

/// <summary>What a run trades against. Stored as the upper-case name in <c>runs.mode</c>.</summary>
public enum RunMode
{
    /// <summary>A paper broker: no real money.</summary>
    Paper,

    /// <summary>The real broker. At most one ARMED or RUNNING live run per engine (a database constraint).</summary>
    Live,

    /// <summary>A simulated venue replaying history.</summary>
    Backtest,
}

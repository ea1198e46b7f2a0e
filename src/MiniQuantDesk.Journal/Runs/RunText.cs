namespace MiniQuantDesk.Journal.Runs;

/// <summary>The database (and display) text of run states and modes: the upper-case names the schema's CHECKs list.</summary>
public static class RunText
{
    /// <summary>CREATED, ARMED, RUNNING, STOPPED or HALTED.</summary>
    public static string Of(RunState state) => state switch
    {
        RunState.Created => "CREATED",
        RunState.Armed => "ARMED",
        RunState.Running => "RUNNING",
        RunState.Stopped => "STOPPED",
        RunState.Halted => "HALTED",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "not a run state"),
    };

    /// <summary>PAPER, LIVE or BACKTEST.</summary>
    public static string Of(RunMode mode) => mode switch
    {
        RunMode.Paper => "PAPER",
        RunMode.Live => "LIVE",
        RunMode.Backtest => "BACKTEST",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "not a run mode"),
    };

    /// <summary>Parses a state as the database stores it.</summary>
    /// <exception cref="InvalidDataException">The text is not one of the five states.</exception>
    public static RunState ParseState(string text) => text switch
    {
        "CREATED" => RunState.Created,
        "ARMED" => RunState.Armed,
        "RUNNING" => RunState.Running,
        "STOPPED" => RunState.Stopped,
        "HALTED" => RunState.Halted,
        _ => throw new InvalidDataException($"runs.state '{text}' is not a run state (CREATED, ARMED, RUNNING, STOPPED, HALTED)"),
    };

    /// <summary>Parses a mode (PAPER, LIVE, BACKTEST; upper case, as stored and as typed on the command line).</summary>
    /// <exception cref="InvalidDataException">The text is not one of the three modes.</exception>
    public static RunMode ParseMode(string text) => text switch
    {
        "PAPER" => RunMode.Paper,
        "LIVE" => RunMode.Live,
        "BACKTEST" => RunMode.Backtest,
        _ => throw new InvalidDataException($"run mode '{text}' is not one of PAPER, LIVE, BACKTEST"),
    };
}

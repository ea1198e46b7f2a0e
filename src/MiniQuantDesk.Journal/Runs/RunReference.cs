using System.Globalization;

namespace MiniQuantDesk.Journal.Runs;

/// <summary>
/// How an operator names a run: by its uuid or by its database-issued run number (the run field of client order
/// ids). Exactly one of the two is set.
/// </summary>
public readonly record struct RunReference
{
    private RunReference(Guid? runId, long? runNumber)
    {
        RunId = runId;
        RunNumber = runNumber;
    }

    /// <summary>The run's uuid, when named by it.</summary>
    public Guid? RunId { get; }

    /// <summary>The run's number, when named by it.</summary>
    public long? RunNumber { get; }

    /// <summary>Names a run by its uuid.</summary>
    public static RunReference Of(Guid runId) => new(runId, null);

    /// <summary>Names a run by its number (1 or more).</summary>
    public static RunReference Of(long runNumber)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(runNumber, 1);
        return new RunReference(null, runNumber);
    }

    /// <summary>Reads a uuid or a positive run number.</summary>
    public static bool TryParse(string? text, out RunReference reference)
    {
        text = text?.Trim();
        if (Guid.TryParse(text, CultureInfo.InvariantCulture, out Guid runId))
        {
            reference = Of(runId);
            return true;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long number) && number >= 1)
        {
            reference = Of(number);
            return true;
        }

        reference = default;
        return false;
    }

    /// <summary>"run 7" or "run 0193…": how a message names the run that was asked for.</summary>
    public override string ToString() => RunNumber is { } number
        ? string.Create(CultureInfo.InvariantCulture, $"run {number}")
        : string.Create(CultureInfo.InvariantCulture, $"run {RunId}");
}

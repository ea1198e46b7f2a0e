using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace MiniQuantDesk.CrashChild;

/// <summary>What the child is told on its command line.</summary>
public sealed record CrashChildOptions
{
    /// <summary>How to call the child.</summary>
    public const string Usage =
        "usage: MiniQuantDesk.CrashChild --database CONNECTION_STRING --engine ID --seed N [--answer-lost-at N] [--deadman-ttl-ms N] [--bar-interval-ms N]";

    /// <summary>The journal database, which also holds the paper broker's schema.</summary>
    public required string ConnectionString { get; init; }

    /// <summary>The engine (1 to 65,535).</summary>
    public required int EngineId { get; init; }

    /// <summary>Seeds the bar stream (prices, and so every decision).</summary>
    public required int Seed { get; init; }

    /// <summary>When set, the n-th submit of this process loses the broker's answer (1 for the first).</summary>
    public int? AnswerLostAt { get; init; }

    /// <summary>The deadman's time to live, applied at boot to the engine's RUNNING runs (default 1 ms: any run a
    /// killed process left RUNNING is found dead).</summary>
    public TimeSpan DeadmanTtl { get; init; } = TimeSpan.FromMilliseconds(1);

    /// <summary>The pause between bars (default 10 ms): the feed's pace.</summary>
    public TimeSpan BarInterval { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Reads the command line; on failure says which argument was wrong.</summary>
    public static bool TryParse(string[] args, [NotNullWhen(true)] out CrashChildOptions? options, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        options = null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length || !args[i].StartsWith("--", StringComparison.Ordinal))
            {
                error = $"argument '{args[i]}' is not an --option followed by its value";
                return false;
            }

            values[args[i]] = args[i + 1];
        }

        string[] known = ["--database", "--engine", "--seed", "--answer-lost-at", "--deadman-ttl-ms", "--bar-interval-ms"];
        string? unknown = values.Keys.FirstOrDefault(key => !known.Contains(key));
        if (unknown is not null)
        {
            error = $"unknown option {unknown}";
            return false;
        }

        if (!values.TryGetValue("--database", out string? database) || string.IsNullOrWhiteSpace(database))
        {
            error = "--database is required";
            return false;
        }

        if (!TryNumber(values, "--engine", 1, ushort.MaxValue, out int? engine, out error) || engine is null
            || !TryNumber(values, "--seed", 0, int.MaxValue, out int? seed, out error) || seed is null
            || !TryNumber(values, "--answer-lost-at", 1, int.MaxValue, out int? answerLostAt, out error)
            || !TryNumber(values, "--deadman-ttl-ms", 1, int.MaxValue, out int? ttl, out error)
            || !TryNumber(values, "--bar-interval-ms", 0, 60_000, out int? interval, out error))
        {
            error ??= "--engine and --seed are required";
            return false;
        }

        options = new CrashChildOptions
        {
            ConnectionString = database,
            EngineId = engine.Value,
            Seed = seed.Value,
            AnswerLostAt = answerLostAt,
            DeadmanTtl = ttl is { } ms ? TimeSpan.FromMilliseconds(ms) : TimeSpan.FromMilliseconds(1),
            BarInterval = interval is { } pause ? TimeSpan.FromMilliseconds(pause) : TimeSpan.FromMilliseconds(10),
        };
        error = null;
        return true;
    }

    private static bool TryNumber(Dictionary<string, string> values, string name, int min, int max, out int? number, out string? error)
    {
        number = null;
        error = null;
        if (!values.TryGetValue(name, out string? text))
        {
            return true;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int parsed) || parsed < min || parsed > max)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"{name} '{text}' is not a whole number from {min} to {max}");
            return false;
        }

        number = parsed;
        return true;
    }
}

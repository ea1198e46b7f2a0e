using MiniQuantDesk.Backtest.Configuration;
using MiniQuantDesk.Backtest.Data;
using MiniQuantDesk.Backtest.Workflow;
using Spectre.Console;

namespace MiniQuantDesk.Cli.Commands;

/// <summary>
/// Turns the errors a user can fix — bad data, bad configuration, an unknown strategy or parameter, a refused run —
/// into one readable line on stderr and exit code 1. Anything else is a bug and keeps its stack trace.
/// </summary>
internal static class CommandFailure
{
    /// <summary>Exit code of a run that was refused or failed.</summary>
    public const int Failed = 1;

    /// <summary>Exit code of a usage error.</summary>
    public const int Usage = 2;

    /// <summary>Runs <paramref name="action"/>, reporting a user error instead of throwing it.</summary>
    public static int Guard(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception exception) when (exception is DataFileException or ConfigurationException or BacktestRefusedException or ArgumentException or IOException or UnauthorizedAccessException or InvalidDataException)
        {
            // ArgumentException appends " (Parameter 'name')", which means nothing to a user.
            string message = exception is ArgumentException { ParamName: { } name }
                ? exception.Message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal)
                : exception.Message;
            WriteError(message);
            return Failed;
        }
    }

    /// <summary>Writes "error: message" to stderr.</summary>
    public static void WriteError(string message) => Console.Error.WriteLine($"error: {message}");

    /// <summary>A usage error: message, hint, exit code 2.</summary>
    public static int UsageError(string message)
    {
        WriteError(message);
        Console.Error.WriteLine("Run with --help for the options.");
        return Usage;
    }

    /// <summary>Escapes text for Spectre markup.</summary>
    public static string Markup(string text) => Spectre.Console.Markup.Escape(text);

    /// <summary>True when stdout is an interactive terminal (progress bars and colours make sense).</summary>
    public static bool Interactive => !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
}

using System.Globalization;
using Spectre.Console;

namespace MiniQuantDesk.Cli.Tests.Support;

/// <summary>
/// Runs <c>mqd</c> in-process with stdout and stderr captured. Spectre's console binds the writer it was created
/// with, so it is swapped too (non-interactive, no colour, so that no progress bar or escape code appears) and
/// restored afterwards. Only for tests in <see cref="ConsoleCollection"/>: the console is process-wide.
/// </summary>
internal static class Mqd
{
    public static MqdRun Run(params string[] args)
    {
        TextWriter originalOut = Console.Out;
        TextWriter originalError = Console.Error;
        IAnsiConsole originalAnsi = AnsiConsole.Console;
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        Console.SetOut(output);
        Console.SetError(error);
        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        try
        {
            int exitCode = Program.Main(args);
            return new MqdRun(exitCode, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
            AnsiConsole.Console = originalAnsi;
        }
    }
}

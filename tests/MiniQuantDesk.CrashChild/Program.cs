namespace MiniQuantDesk.CrashChild;

/// <summary>The entry point: parses the arguments and runs the child until it is told to stop or killed.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        if (!CrashChildOptions.TryParse(args, out CrashChildOptions? options, out string? error))
        {
            await Console.Error.WriteLineAsync(error).ConfigureAwait(false);
            await Console.Error.WriteLineAsync(CrashChildOptions.Usage).ConfigureAwait(false);
            return (int)CrashChildExit.Usage;
        }

        return (int)await new CrashChildHost(options).RunAsync().ConfigureAwait(false);
    }
}

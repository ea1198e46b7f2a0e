namespace MiniQuantDesk.Cli;

/// <summary>The entry point of <c>mqd</c>.</summary>
public static class Program
{
    /// <summary>Runs the command line.</summary>
    public static int Main(string[] args)
    {
        _ = args;
        return 0;
    }
}

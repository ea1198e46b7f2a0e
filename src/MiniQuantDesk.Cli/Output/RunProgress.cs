using Spectre.Console;

namespace MiniQuantDesk.Cli.Output;

/// <summary>
/// Progress of a long run: a Spectre.Console progress bar per phase (baseline, each stress profile) on an
/// interactive terminal; elsewhere (CI, a pipe) one line per finished phase, so logs stay readable.
/// </summary>
internal static class RunProgress
{
    /// <summary>Runs <paramref name="work"/>, showing its progress callbacks.</summary>
    public static T Show<T>(bool interactive, Func<Action<string, long, long>, T> work)
    {
        if (!interactive)
        {
            string? last = null;
            return work((phase, done, total) =>
            {
                if (done == total && phase != last)
                {
                    last = phase;
                    Console.WriteLine($"  {phase}: {done:N0} bars");
                }
            });
        }

        T result = default!;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                result = work((phase, done, total) =>
                {
                    if (!tasks.TryGetValue(phase, out ProgressTask? task))
                    {
                        task = context.AddTask(Markup.Escape(phase), maxValue: Math.Max(1, total));
                        tasks[phase] = task;
                    }

                    task.Value = done;
                });
            });
        return result;
    }
}

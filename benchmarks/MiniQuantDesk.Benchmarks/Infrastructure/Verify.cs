namespace MiniQuantDesk.Benchmarks.Infrastructure;

/// <summary>Checks, after a benchmark, that its consumers saw every event: a fast benchmark that lost events
/// would be a lie.</summary>
public static class Verify
{
    /// <summary>Throws when <paramref name="handled"/> differs from <paramref name="published"/>.</summary>
    public static void Handled(string consumer, long handled, long published)
    {
        if (handled != published)
        {
            throw new InvalidOperationException(
                $"The {consumer} handled {handled} events but {published} were published: the benchmark lost or invented events, so its numbers are void.");
        }
    }
}

namespace MiniQuantDesk.Journal.Tests.Runs;

/// <summary>
/// The engine's clock under the test's control: it reads what the test set and moves only when told. Timers are
/// the base class's real ones (the deadman's period is wall time; its judgement of age is this clock's).
/// </summary>
public sealed class FakeClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public static DateTimeOffset Epoch { get; } = new(2026, 11, 30, 14, 30, 0, TimeSpan.Zero);

    public FakeClock()
        : this(Epoch)
    {
    }

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}

using MiniQuantDesk.Ring.WaitStrategies;

namespace MiniQuantDesk.Ring.Tests.Support;

/// <summary>The wait strategies the ring offers, as theory data.</summary>
public enum WaitStrategyKind
{
    BusySpin,
    Yielding,
    Sleeping,
    Blocking,
    BlockingWithTimeout,
}

/// <summary>Creates the strategy a <see cref="WaitStrategyKind"/> names.</summary>
internal static class WaitStrategyFactory
{
    public static IWaitStrategy Create(WaitStrategyKind kind) => kind switch
    {
        WaitStrategyKind.BusySpin => new BusySpinWaitStrategy(),
        WaitStrategyKind.Yielding => new YieldingWaitStrategy(),
        WaitStrategyKind.Sleeping => new SleepingWaitStrategy(),
        WaitStrategyKind.Blocking => new BlockingWaitStrategy(),
        WaitStrategyKind.BlockingWithTimeout => new BlockingWaitStrategy(TimeSpan.FromMilliseconds(5)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown wait strategy."),
    };
}

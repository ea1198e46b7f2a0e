namespace MiniQuantDesk.Backtest.Tests;

public class SkeletonTests
{
    [Fact]
    public void Backtest_assembly_loads() => Assert.Equal("MiniQuantDesk.Backtest", typeof(BacktestAssembly).Assembly.GetName().Name);
}

using MiniQuantDesk.Engine.Strategy;

namespace MiniQuantDesk.Engine.Tests.Strategy;

/// <summary>The catalogue builds shipped strategies by name, and every mistake names the valid choices.</summary>
public sealed class StrategyCatalogTests
{
    [Fact]
    public void An_unknown_strategy_is_refused_naming_the_valid_ones()
    {
        var refused = Assert.Throws<ArgumentException>(() => StrategyCatalog.Create("sma", new Dictionary<string, string>()));

        Assert.Contains("Unknown strategy 'sma'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("sma-cross, breakout", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_parameter_is_refused_naming_the_valid_ones()
    {
        var refused = Assert.Throws<ArgumentException>(() => StrategyCatalog.Create("sma-cross", new Dictionary<string, string> { ["fsat"] = "10" }));

        Assert.Contains("Unknown parameter 'fsat'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("fast, slow, qty", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fast", "ten")]
    [InlineData("fast", "1.5")]
    [InlineData("qty", "0")]
    [InlineData("slow", "20000")]
    public void A_parameter_that_is_not_a_whole_number_in_range_is_refused(string name, string value)
    {
        var refused = Assert.Throws<ArgumentException>(() => StrategyCatalog.Create("sma-cross", new Dictionary<string, string> { [name] = value }));

        Assert.Contains($"'{name}'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fast_average_not_shorter_than_the_slow_one_is_refused()
    {
        var refused = Assert.Throws<ArgumentException>(() =>
            StrategyCatalog.Create("sma-cross", new Dictionary<string, string> { ["fast"] = "30", ["slow"] = "10" }));

        Assert.Contains("fast < slow", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parameters_not_given_take_their_defaults()
    {
        IReadOnlyDictionary<string, long> values = StrategyCatalog.ResolveParameters(
            StrategyCatalog.Find("sma-cross"), new Dictionary<string, string> { ["qty"] = "5" });

        Assert.Equal(new Dictionary<string, long> { ["fast"] = 10, ["qty"] = 5, ["slow"] = 30 }, values);
    }

    [Theory]
    [InlineData("sma-cross")]
    [InlineData("breakout")]
    public void Every_shipped_strategy_builds_with_its_defaults(string name)
    {
        IStrategy strategy = StrategyCatalog.Create(name, new Dictionary<string, string>());

        Assert.Equal(name, strategy.Name);
    }
}

using FsCheck;
using FsCheck.Fluent;
using MiniQuantDesk.Backtest.Configuration;

namespace MiniQuantDesk.Backtest.Tests.Configuration;

/// <summary>Laws of layering that hold for any file, command line and stress profile.</summary>
public sealed class SettingsResolverProperties
{
    private static readonly Gen<int?> s_optionalCount = Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(0, 10_000).Select(value => (int?)value));

    private static readonly Gen<long?> s_optionalCash = Gen.OneOf(Gen.Constant<long?>(null), Gen.Choose(1, int.MaxValue).Select(value => (long?)value * 1000));

    private static readonly Gen<string?> s_optionalName = Gen.OneOf(Gen.Constant<string?>(null), Gen.Elements<string?>("SPY", "QQQ", "IWM"));

    private static readonly Gen<SettingsOverlay> s_layer =
        from cash in s_optionalCash
        from symbol in s_optionalName
        from latency in s_optionalCount
        from cap in s_optionalCount
        from multiplier in s_optionalCount
        from volume in s_optionalCount
        from atr in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(1, 100).Select(value => (int?)value))
        from costs in Gen.Elements<CostModel?>(null, null, CostModel.Conservative, CostModel.None)
        from timing in Gen.Elements<string?>(null, FillTimings.NextBarOpen, FillTimings.SameBarClose)
        from fast in Gen.OneOf(Gen.Constant<long?>(null), Gen.Choose(1, 50).Select(value => (long?)value))
        select new SettingsOverlay
        {
            InitialCashMicros = cash,
            Symbol = symbol,
            LatencyBars = latency,
            Costs = costs,

            // A layer that chooses no costs cannot also tune one (that is refused, and tested on its own).
            SlippageCapBps = costs == CostModel.None ? null : cap,
            SlippageMultiplierPercent = costs == CostModel.None ? null : multiplier,
            MaxVolumeShareBps = costs == CostModel.None ? null : volume,
            AtrPeriod = atr,
            FillTiming = timing,
            Parameters = fast is { } value ? new Dictionary<string, long> { ["fast"] = value } : null,
        };

    private static readonly Gen<StressProfile> s_stress =
        from multiplier in s_optionalCount
        from latency in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(0, 5).Select(value => (int?)value))
        from volume in s_optionalCount
        select new StressProfile("generated", "a generated stress", new SettingsOverlay
        {
            SlippageMultiplierPercent = multiplier,
            LatencyBars = latency,
            MaxVolumeShareBps = volume,
        });

    [Fact]
    public void Each_setting_is_the_value_of_the_last_layer_that_gives_one()
    {
        Prop.ForAll(s_layer.ToArbitrary(), s_layer.ToArbitrary(), (file, cli) =>
        {
            cli = WithData(cli);
            if (cli.Costs is null && file.Costs == CostModel.None && cli.SetsAnyCost)
            {
                return true; // refused: covered by its own scenario test
            }

            BacktestSettings settings = SettingsResolver.Resolve(file, cli, null);
            BacktestSettings defaults = new();
            CostModel model = cli.Costs ?? file.Costs ?? CostModel.Conservative;

            // With no cost model on the command line, a cost is the command line's, else the file's, else the default.
            int expectedCap = cli.SlippageCapBps ?? file.SlippageCapBps ?? defaults.CostSettings.SlippageCapBps;
            return settings.InitialCashMicros == (cli.InitialCashMicros ?? file.InitialCashMicros ?? defaults.InitialCashMicros)
                && settings.Symbol == (cli.Symbol ?? file.Symbol)
                && settings.LatencyBars == (cli.LatencyBars ?? file.LatencyBars ?? 0)
                && settings.FillTiming == (cli.FillTiming ?? file.FillTiming ?? FillTimings.NextBarOpen)
                && settings.CostSettings.AtrPeriod == (cli.AtrPeriod ?? file.AtrPeriod ?? 14)
                && settings.Costs == model
                && (model != CostModel.None || settings.CostSettings == CostSettings.None with { AtrPeriod = settings.CostSettings.AtrPeriod })
                && (cli.Costs is not null || model == CostModel.None || settings.CostSettings.SlippageCapBps == expectedCap)
                && Parameter(settings, "fast") == (cli.Parameters?["fast"] ?? file.Parameters?["fast"]);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_stress_profile_changes_only_what_it_stresses_and_always_applies_after_every_layer()
    {
        Prop.ForAll(s_layer.ToArbitrary(), s_layer.ToArbitrary(), s_stress.ToArbitrary(), (file, cli, stress) =>
        {
            cli = WithData(cli);
            if (cli.Costs is null && file.Costs == CostModel.None && cli.SetsAnyCost)
            {
                return true;
            }

            BacktestSettings baseline = SettingsResolver.Resolve(file, cli, null);
            BacktestSettings stressed = SettingsResolver.Resolve(file, cli, stress);
            CostSettings before = baseline.CostSettings;
            SettingsOverlay delta = stress.Overlay;
            int expectedCap = delta.MaxVolumeShareBps is not { } cap ? before.MaxVolumeShareBps
                : before.MaxVolumeShareBps == 0 ? cap
                : cap == 0 ? before.MaxVolumeShareBps
                : Math.Min(before.MaxVolumeShareBps, cap);
            BacktestSettings expected = baseline with
            {
                StressProfile = stress.Name,
                LatencyBars = baseline.LatencyBars + (delta.LatencyBars ?? 0),
                CostSettings = before with
                {
                    SlippageMultiplierPercent = before.SlippageMultiplierPercent * (delta.SlippageMultiplierPercent ?? 100) / 100,
                    MaxVolumeShareBps = expectedCap,
                },
            };
            return stressed.Equals(expected);
        }).QuickCheckThrowOnFailure();
    }

    private static SettingsOverlay WithData(SettingsOverlay cli) => cli with { DataFiles = ["data.csv"] };

    private static long? Parameter(BacktestSettings settings, string name) =>
        settings.Parameters.TryGetValue(name, out long value) ? value : null;
}

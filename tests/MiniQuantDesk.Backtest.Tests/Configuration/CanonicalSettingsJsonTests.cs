using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using MiniQuantDesk.Backtest.Configuration;

namespace MiniQuantDesk.Backtest.Tests.Configuration;

/// <summary>config.json is canonical (sorted keys, no whitespace, exact money text), stable, and reads back to the
/// same settings, so a run can be repeated from it alone.</summary>
public sealed class CanonicalSettingsJsonTests
{
    private static readonly Gen<string> s_text =
        Gen.ListOf(Gen.Elements('a', 'Z', '0', '-', '_', '/', '.', ' ', '"', '\\', '+', '<', '&', 'é', '株', '\n', '\t'))
            .Select(chars => new string([.. chars]));

    private static readonly Gen<long> s_micros = Gen.OneOf(
        Gen.Elements(0L, 1L, -1L, 5_000L, 100_000_000_000L, long.MaxValue, long.MinValue),
        from high in Gen.Choose(-int.MaxValue, int.MaxValue)
        from low in Gen.Choose(0, int.MaxValue)
        select ((long)high << 31) | (uint)low);

    private static readonly Gen<int> s_count = Gen.OneOf(Gen.Choose(0, 20_000), Gen.Elements(0, int.MaxValue));

    private static readonly Gen<CostSettings> s_costs =
        from slippageAtr in s_count
        from slippageCap in s_count
        from multiplier in s_count
        from perShare in s_micros
        from commissionBps in s_count
        from minimum in s_micros
        from volumeShare in s_count
        from atr in s_count
        select new CostSettings
        {
            SlippageAtrBps = slippageAtr,
            SlippageCapBps = slippageCap,
            SlippageMultiplierPercent = multiplier,
            CommissionPerShareMicros = perShare,
            CommissionBps = commissionBps,
            MinCommissionMicros = minimum,
            MaxVolumeShareBps = volumeShare,
            AtrPeriod = atr,
        };

    private static readonly Gen<IReadOnlyDictionary<string, long>> s_parameters =
        Gen.ListOf(Gen.Zip(s_text, s_micros))
            .Select(pairs =>
            {
                SortedDictionary<string, long> parameters = new(StringComparer.Ordinal);
                foreach ((string name, long value) in pairs)
                {
                    parameters[name] = value;
                }

                return (IReadOnlyDictionary<string, long>)parameters;
            });

    private static readonly Gen<BacktestSettings> s_settings =
        from data in Gen.ListOf(s_text)
        from symbol in Gen.OneOf(Gen.Constant<string?>(null), s_text.Select(text => (string?)text))
        from strategy in s_text
        from parameters in s_parameters
        from cash in s_micros
        from model in Gen.Elements(CostModel.Conservative, CostModel.None)
        from costs in s_costs
        from timing in Gen.Elements(FillTimings.NextBarOpen, FillTimings.SameBarClose)
        from latency in s_count
        from actions in Gen.OneOf(Gen.Constant<string?>(null), s_text.Select(text => (string?)text))
        from mode in Gen.Elements(CorporateActionsMode.None, CorporateActionsMode.Apply, CorporateActionsMode.Forbid)
        from skip in Gen.Elements(true, false)
        from stress in Gen.OneOf(Gen.Constant<string?>(null), s_text.Select(text => (string?)text))
        select new BacktestSettings
        {
            DataFiles = [.. data],
            Symbol = symbol,
            Strategy = strategy,
            Parameters = parameters,
            InitialCashMicros = cash,
            Costs = model,
            CostSettings = costs,
            FillTiming = timing,
            LatencyBars = latency,
            CorporateActionsFile = actions,
            CorporateActionsMode = mode,
            SkipBadRows = skip,
            StressProfile = stress,
        };

    [Fact]
    public void The_default_settings_write_as_this_exact_text()
    {
        BacktestSettings settings = new()
        {
            DataFiles = ["data/SPY_1d.csv"],
            Parameters = new Dictionary<string, long> { ["slow"] = 30, ["fast"] = 10, ["qty"] = 100 },
        };

        string json = CanonicalSettingsJson.Write(settings);

        Assert.Equal(
            """{"config_version":1,"corporate_actions":null,"corporate_actions_mode":"none","cost_settings":{"atr_period":14,"commission_bps":0,"commission_per_share":"0.005","max_volume_share_bps":1000,"min_commission":"0","slippage_atr_bps":500,"slippage_cap_bps":25,"slippage_multiplier_percent":100},"costs":"conservative","data":["data/SPY_1d.csv"],"fill_timing":"next-bar-open","initial_cash":"100000","latency_bars":0,"params":{"fast":10,"qty":100,"slow":30},"skip_bad_rows":false,"strategy":"sma-cross","stress_profile":null,"symbol":null}""" + "\n",
            json);
        Assert.Equal(CanonicalSettingsJson.Sha256(json), CanonicalSettingsJson.Sha256(settings));
        Assert.Matches("^[0-9a-f]{64}$", CanonicalSettingsJson.Sha256(settings));
    }

    [Fact]
    public void Reading_what_was_written_gives_equal_settings_and_writing_them_again_gives_the_same_bytes()
    {
        Prop.ForAll(s_settings.ToArbitrary(), settings =>
        {
            string json = CanonicalSettingsJson.Write(settings);
            BacktestSettings read = CanonicalSettingsJson.Read(json);
            return read.Equals(settings)
                && read.GetHashCode() == settings.GetHashCode()
                && CanonicalSettingsJson.Write(read) == json;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Written_settings_have_every_object_s_keys_in_ordinal_order_no_whitespace_and_one_trailing_newline()
    {
        Prop.ForAll(s_settings.ToArbitrary(), settings =>
        {
            string json = CanonicalSettingsJson.Write(settings);
            using JsonDocument document = JsonDocument.Parse(json);
            return json.EndsWith('\n') && !json[..^1].Contains('\n', StringComparison.Ordinal)
                && KeysSorted(document.RootElement)
                && json == Reformatted(document);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Parameters_given_in_any_order_write_the_same_text()
    {
        BacktestSettings forward = new() { Parameters = new Dictionary<string, long> { ["a"] = 1, ["b"] = 2, ["c"] = 3 } };
        BacktestSettings backward = new() { Parameters = new Dictionary<string, long> { ["c"] = 3, ["b"] = 2, ["a"] = 1 } };

        Assert.Equal(forward, backward);
        Assert.Equal(CanonicalSettingsJson.Write(forward), CanonicalSettingsJson.Write(backward));
    }

    [Fact]
    public void Settings_that_differ_in_one_value_hash_differently()
    {
        BacktestSettings settings = new() { DataFiles = ["a.csv"] };

        Assert.NotEqual(CanonicalSettingsJson.Sha256(settings), CanonicalSettingsJson.Sha256(settings with { LatencyBars = 1 }));
        Assert.NotEqual(settings, settings with { CostSettings = settings.CostSettings with { AtrPeriod = 15 } });
    }

    [Theory]
    [InlineData("\"latency_bars\":0", "\"latency_bars\":\"0\"", "latency_bars must be a whole number")]
    [InlineData("\"skip_bad_rows\":false,", "", "skip_bad_rows is missing")]
    [InlineData("\"symbol\":null", "\"symbol\":null,\"extra\":1", "extra is not a known key")]
    [InlineData("\"initial_cash\":\"100000\"", "\"initial_cash\":100000", "initial_cash must be a string")]
    [InlineData("\"min_commission\":\"0\"", "\"min_commission\":\"0.0000001\"", "cost_settings.min_commission must be decimal text")]
    [InlineData("\"config_version\":1", "\"config_version\":2", "config_version must be 1")]
    [InlineData("\"fill_timing\":\"next-bar-open\"", "\"fill_timing\":\"whenever\"", "fill_timing must be one of")]
    public void A_config_json_that_is_not_exactly_this_format_is_refused_by_key(string original, string replacement, string problem)
    {
        string json = CanonicalSettingsJson.Write(new BacktestSettings()).Replace(original, replacement, StringComparison.Ordinal);

        ConfigurationException error = Assert.Throws<ConfigurationException>(() => CanonicalSettingsJson.Read(json));

        Assert.StartsWith("config.json: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_is_not_json_is_refused_with_its_line()
    {
        ConfigurationException error = Assert.Throws<ConfigurationException>(() => CanonicalSettingsJson.Read("{\n\"a\":", "run/config.json"));

        Assert.StartsWith("run/config.json line ", error.Message, StringComparison.Ordinal);
    }

    private static bool KeysSorted(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object =>
            element.EnumerateObject().Select(p => p.Name).SequenceEqual(element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal))
            && element.EnumerateObject().All(p => KeysSorted(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().All(KeysSorted),
        _ => true,
    };

    // The same document written compactly by the framework: any whitespace we emitted would show as a difference.
    private static string Reformatted(JsonDocument document)
    {
        using MemoryStream buffer = new();
        using (Utf8JsonWriter writer = new(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            document.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}

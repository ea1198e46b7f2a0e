using MiniQuantDesk.Backtest.Configuration;

namespace MiniQuantDesk.Backtest.Tests.Configuration;

/// <summary>Stress profiles load from a folder or from the built-in copies, identically, and are named strictly.</summary>
public sealed class StressProfileCatalogTests
{
    [Fact]
    public void The_repository_folder_holds_the_three_profiles_sorted_by_name()
    {
        StressProfileCatalog catalog = StressProfileCatalog.Load(RepositoryConfig.Folder("stress"));

        Assert.Equal(["high-latency", "partial-fills", "slippage-x2"], catalog.Names);
        Assert.Equal(new SettingsOverlay { LatencyBars = 1 }, catalog.Get("high-latency").Overlay);
        Assert.Equal(new SettingsOverlay { MaxVolumeShareBps = 100 }, catalog.Get("partial-fills").Overlay);
        Assert.Equal(new SettingsOverlay { SlippageMultiplierPercent = 200 }, catalog.Get("slippage-x2").Overlay);
        Assert.All(catalog.Profiles, profile => Assert.False(string.IsNullOrWhiteSpace(profile.Description)));
    }

    [Fact]
    public void The_built_in_profiles_equal_the_repository_files()
    {
        StressProfileCatalog fromFolder = StressProfileCatalog.Load(RepositoryConfig.Folder("stress"));

        Assert.Equal(fromFolder.Profiles, StressProfileCatalog.Load(null).Profiles);
        Assert.Same(StressProfileCatalog.BuiltIn, StressProfileCatalog.Load(null));
    }

    [Fact]
    public void An_unknown_profile_is_refused_with_every_valid_name_and_all()
    {
        ConfigurationException error = Assert.Throws<ConfigurationException>(() => StressProfileCatalog.BuiltIn.Get("slippage-x3"));

        Assert.Equal("unknown stress profile 'slippage-x3'; valid: high-latency, partial-fills, slippage-x2, all", error.Message);
    }

    [Fact]
    public void All_selects_every_profile_and_a_name_selects_one()
    {
        StressProfileCatalog catalog = StressProfileCatalog.BuiltIn;

        Assert.Equal(catalog.Profiles, catalog.Select(StressProfileCatalog.All));
        Assert.Equal([catalog.Get("high-latency")], catalog.Select("high-latency"));
    }

    [Fact]
    public void A_profile_whose_name_differs_from_its_file_is_refused()
    {
        using TemporaryFolder folder = new();
        folder.Write("gentle.yaml", "name: harsh\ndescription: d\nlatency_bars: 1\n");

        ConfigurationException error = Assert.Throws<ConfigurationException>(() => StressProfileCatalog.Load(folder.Path));

        Assert.Equal(1, error.Line);
        Assert.Contains("'gentle', the file's name without .yaml", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("name: p\ndescription: d\ncash: 100\n", "unknown key 'cash'")]
    [InlineData("description: d\nlatency_bars: 1\n", "the 'name' key is missing")]
    [InlineData("name: p\nlatency_bars: 1\n", "the 'description' key is missing")]
    [InlineData("name: p\ndescription: d\n", "stresses nothing")]
    public void A_profile_that_is_incomplete_or_sets_what_a_stress_cannot_is_refused(string yaml, string problem)
    {
        ConfigurationException error = Assert.Throws<ConfigurationException>(() => StressProfileCatalog.Parse(yaml, "p.yaml", "p"));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_of_custom_profiles_is_read_in_name_order()
    {
        using TemporaryFolder folder = new();
        folder.Write("zeta.yaml", "name: zeta\ndescription: later\nlatency_bars: 3\n");
        folder.Write("alpha.yaml", "name: alpha\ndescription: first\ncommission_bps: 10\n");
        folder.Write("notes.txt", "not a profile");

        StressProfileCatalog catalog = StressProfileCatalog.Load(folder.Path);

        Assert.Equal(["alpha", "zeta"], catalog.Names);
        Assert.Equal(10, catalog.Get("alpha").Overlay.CommissionBps);
    }

    [Fact]
    public void A_missing_or_empty_folder_is_refused()
    {
        using TemporaryFolder folder = new();

        Assert.Throws<ConfigurationException>(() => StressProfileCatalog.Load(folder.Path));
        Assert.Throws<ConfigurationException>(() => StressProfileCatalog.Load(Path.Combine(folder.Path, "absent")));
    }
}

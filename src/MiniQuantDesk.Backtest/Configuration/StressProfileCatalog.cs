using System.Reflection;

namespace MiniQuantDesk.Backtest.Configuration;

/// <summary>
/// The stress profiles a run can apply: read from a folder of <c>*.yaml</c> files, or the built-in copies of
/// <c>config/stress/</c> embedded in this assembly. Profiles are sorted by name so that <c>--stress all</c> runs
/// them in the same order everywhere.
/// </summary>
public sealed class StressProfileCatalog
{
    /// <summary>The selection that means every profile in the catalog.</summary>
    public const string All = "all";

    private const string ResourcePrefix = "stress.";
    private const string YamlExtension = ".yaml";

    private static readonly Lazy<StressProfileCatalog> s_builtIn = new(LoadBuiltIn);

    private StressProfileCatalog(IReadOnlyList<StressProfile> profiles)
    {
        Profiles = profiles;
        Names = [.. profiles.Select(profile => profile.Name)];
    }

    /// <summary>The keys a profile file may hold, sorted: its name and description, and what it stresses.</summary>
    public static IReadOnlyList<string> ValidKeys { get; } =
    [
        "commission_bps", "commission_per_share", "description", "latency_bars", "max_volume_share", "min_commission",
        "name", "slippage_atr_bps", "slippage_cap_bps", "slippage_multiplier",
    ];

    /// <summary>The built-in profiles (slippage-x2, high-latency, partial-fills).</summary>
    public static StressProfileCatalog BuiltIn => s_builtIn.Value;

    /// <summary>The profiles, sorted by name.</summary>
    public IReadOnlyList<StressProfile> Profiles { get; }

    /// <summary>The profiles' names, sorted.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Loads every <c>*.yaml</c> in <paramref name="directory"/>, or the built-in profiles when it is null.</summary>
    /// <exception cref="ConfigurationException">The folder is missing or empty, or a profile is not valid.</exception>
    public static StressProfileCatalog Load(string? directory)
    {
        if (directory is null)
        {
            return BuiltIn;
        }

        if (!Directory.Exists(directory))
        {
            throw new ConfigurationException(directory, 0, null, "stress profile folder not found");
        }

        string[] files = Directory.GetFiles(directory, "*" + YamlExtension);
        Array.Sort(files, StringComparer.Ordinal);
        if (files.Length == 0)
        {
            throw new ConfigurationException(directory, 0, null, "holds no stress profiles (*.yaml)");
        }

        List<StressProfile> profiles = [];
        foreach (string file in files)
        {
            profiles.Add(Read(StrictYamlMapping.Load(file), Path.GetFileNameWithoutExtension(file)));
        }

        return Create(profiles);
    }

    /// <summary>Parses one profile; its <c>name</c> must be <paramref name="expectedName"/> (the file's name).</summary>
    /// <exception cref="ConfigurationException">The profile is not valid.</exception>
    public static StressProfile Parse(string yaml, string source, string expectedName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(expectedName);
        return Read(StrictYamlMapping.Parse(yaml, source), expectedName);
    }

    /// <summary>The profile called <paramref name="name"/>.</summary>
    /// <exception cref="ConfigurationException">No profile has that name; the message lists the valid ones.</exception>
    public StressProfile Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Profiles.FirstOrDefault(profile => profile.Name == name) ?? throw Unknown(name);
    }

    /// <summary>The profiles a <c>--stress</c> value selects: one by name, or every one for <see cref="All"/>.</summary>
    /// <exception cref="ConfigurationException">The value is neither a profile's name nor <see cref="All"/>.</exception>
    public IReadOnlyList<StressProfile> Select(string nameOrAll)
    {
        ArgumentNullException.ThrowIfNull(nameOrAll);
        return nameOrAll == All ? Profiles : [Get(nameOrAll)];
    }

    private ConfigurationException Unknown(string name) =>
        new($"unknown stress profile '{name}'; valid: {string.Join(", ", Names)}, {All}");

    private static StressProfile Read(StrictYamlMapping mapping, string expectedName)
    {
        SettingsOverlay overlay = SettingsYaml.Read(mapping, ValidKeys);
        string name = Required(mapping, "name").Text(mapping.Source, "the profile's name");
        if (name != expectedName)
        {
            throw Required(mapping, "name").Refuse(mapping.Source, $"'{expectedName}', the file's name without {YamlExtension}");
        }

        string description = Required(mapping, "description").Text(mapping.Source, "a sentence saying what the profile stresses");
        if (overlay == SettingsOverlay.Empty)
        {
            throw new ConfigurationException(mapping.Source, 0, null, "stresses nothing; set at least one of " + string.Join(", ", ValidKeys.Where(key => key is not ("name" or "description"))));
        }

        return new StressProfile(name, description, overlay);
    }

    private static StrictYamlEntry Required(StrictYamlMapping mapping, string key) =>
        mapping.Find(key) ?? throw new ConfigurationException(mapping.Source, 0, key, $"the '{key}' key is missing");

    private static StressProfileCatalog Create(List<StressProfile> profiles)
    {
        profiles.Sort((left, right) => string.CompareOrdinal(left.Name, right.Name));
        return new StressProfileCatalog(profiles);
    }

    private static StressProfileCatalog LoadBuiltIn()
    {
        Assembly assembly = typeof(StressProfileCatalog).Assembly;
        List<StressProfile> profiles = [];
        foreach (string resource in assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal) || !resource.EndsWith(YamlExtension, StringComparison.Ordinal))
            {
                continue;
            }

            using Stream stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"The embedded resource {resource} cannot be opened.");
            using StreamReader reader = new(stream);
            string name = resource[ResourcePrefix.Length..^YamlExtension.Length];
            profiles.Add(Parse(reader.ReadToEnd(), $"built-in stress profile {name}{YamlExtension}", name));
        }

        return Create(profiles);
    }
}

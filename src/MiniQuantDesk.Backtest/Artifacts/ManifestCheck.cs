namespace MiniQuantDesk.Backtest.Artifacts;

/// <summary>The outcome of <see cref="ManifestVerifier.Verify"/>.</summary>
/// <param name="Ok">True when the folder and the inputs are exactly as the manifest locked them.</param>
/// <param name="Problem">The first problem found, naming the file, e.g. <c>fills.csv: SHA-256 differs from the
/// manifest</c>; empty when <paramref name="Ok"/>.</param>
public sealed record ManifestCheck(bool Ok, string Problem)
{
    /// <summary>An intact folder.</summary>
    public static readonly ManifestCheck Intact = new(true, string.Empty);

    /// <summary>A folder with a problem.</summary>
    public static ManifestCheck Failed(string problem) => new(false, problem);
}

namespace MiniQuantDesk.Backtest.Workflow;

/// <summary>What <c>mqd verify</c> found.</summary>
/// <param name="HashesIntact">Every artifact and input still has the SHA-256 its manifest names.</param>
/// <param name="Identical">The re-run from the manifest's inputs and config gave the same bytes, file for file.</param>
/// <param name="Evidence">In words: the tampered file, or the first differing one, or that all is identical.</param>
public sealed record VerifyOutcome(bool HashesIntact, bool Identical, string Evidence)
{
    /// <summary>Both checks passed.</summary>
    public bool Ok => HashesIntact && Identical;
}

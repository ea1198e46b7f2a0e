namespace MiniQuantDesk.Backtest.Artifacts;

/// <summary>An input file a run read (bar data, a splits file), by full path and content hash.</summary>
/// <param name="Path">The full path.</param>
/// <param name="Sha256">The lowercase hex SHA-256 of its bytes at the time of the run.</param>
public sealed record ManifestInput(string Path, string Sha256);

namespace MiniQuantDesk.Backtest.Promotion;

/// <summary>One promotion check and why it passed or failed.</summary>
/// <param name="Name">The check, e.g. <c>min_sharpe</c> or <c>stress:slippage-x2</c>.</param>
/// <param name="Passed">True when the check passed.</param>
/// <param name="Evidence">The values it looked at, or what was missing.</param>
/// <param name="Threshold">What it required.</param>
public sealed record PromotionCheck(string Name, bool Passed, string Evidence, string Threshold);

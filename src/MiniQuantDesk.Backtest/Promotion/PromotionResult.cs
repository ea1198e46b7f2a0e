namespace MiniQuantDesk.Backtest.Promotion;

/// <summary>The promotion decision with every check behind it.</summary>
/// <param name="Passed">True only when there are checks and every one passed.</param>
/// <param name="Checks">The checks in a fixed order.</param>
public sealed record PromotionResult(bool Passed, IReadOnlyList<PromotionCheck> Checks);

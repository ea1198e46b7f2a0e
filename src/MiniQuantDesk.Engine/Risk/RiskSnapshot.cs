namespace MiniQuantDesk.Engine.Risk;

/// <summary>
/// The account-level risk state at one event, as <see cref="RiskEngine"/> holds it: what the per-order checks of
/// <see cref="RiskRules"/> need besides the order. A plain value, so a pipeline stage that follows the account can
/// hand it, inside the event's slot, to the gateway stage that judges orders.
/// </summary>
/// <param name="KillSwitch">True while the kill switch is on.</param>
/// <param name="Halt">The sticky halt reason, or <see cref="Reason.None"/>.</param>
/// <param name="DayTradesInWindow">Day trades completed in the PDT window ending on the event's trading day.</param>
/// <param name="RecentRejects">Rejections inside the reject-storm window ending at the event.</param>
/// <param name="RejectStorm">True when <paramref name="RecentRejects"/> reached the storm count.</param>
public readonly record struct RiskSnapshot(bool KillSwitch, Reason Halt, int DayTradesInWindow, long RecentRejects, bool RejectStorm);

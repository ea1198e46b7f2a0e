namespace MiniQuantDesk.Engine.Execution;

/// <summary>Facts about order states that the OMS, the gateway and risk all need the same way.</summary>
public static class OrderStateExtensions
{
    /// <summary>True when the order has ended: it will not work at the broker again.</summary>
    public static bool IsTerminal(this OrderState state) =>
        state is OrderState.Filled or OrderState.Canceled or OrderState.Rejected or OrderState.Expired;

    /// <summary>True while the order is (or may be) working at the broker, including while a request is pending.</summary>
    public static bool IsWorking(this OrderState state) =>
        state is OrderState.PendingNew or OrderState.Accepted or OrderState.PartiallyFilled
            or OrderState.PendingCancel or OrderState.PendingReplace;

    /// <summary>True for a state an order can rest in (every state but <see cref="OrderState.None"/> and the
    /// transient <see cref="OrderState.Replaced"/>).</summary>
    public static bool IsResting(this OrderState state) => state.IsTerminal() || state.IsWorking();
}

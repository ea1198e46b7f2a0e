namespace MiniQuantDesk.Journal.Dispatch;

/// <summary>
/// An engine must halt and stay disarmed: a submit of <paramref name="ClientOrderId"/> has an unknown outcome (or its
/// row could not be sent at all). By the time the dispatcher raises this, <c>arm_state</c> already says so, with
/// <paramref name="Reason"/>.
/// </summary>
/// <param name="EngineId">The engine, as decimal text.</param>
/// <param name="ClientOrderId">The order that caused it.</param>
/// <param name="Reason">A stable code and a sentence, e.g. <c>AMBIGUOUS_SUBMIT: ...</c>.</param>
public sealed record EngineQuarantine(string EngineId, string ClientOrderId, string Reason);

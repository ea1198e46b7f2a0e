namespace MiniQuantDesk.Journal.Tests.Dispatch;

/// <summary>An outbox row as a test asserts on it.</summary>
public sealed record OutboxRow(string State, string? ClaimedBy, int Attempts, string? BrokerOrderId, string? LastError, bool HasSentAt);

using MiniQuantDesk.Brokers.Paper;
using MiniQuantDesk.Journal.Dispatch;
using MiniQuantDesk.Journal.Runs;

namespace MiniQuantDesk.Crash.Tests.Support;

/// <summary>What a person at the desk does between restarts: settle unknown outcomes by asking the broker, and clear
/// halts once they know why they happened.</summary>
internal sealed class OperatorDesk(string connectionString, PaperBroker broker)
{
    private readonly QuarantineCheck _quarantine = new(connectionString, TimeProvider.System);
    private readonly RunStore _runs = new(connectionString, TimeProvider.System);

    /// <summary>Resolves every AMBIGUOUS order of the engine as the broker has it: found (with its order id) or never received.</summary>
    public async Task ResolveFromBrokerTruthAsync(int engineId)
    {
        foreach (string clientOrderId in await _quarantine.UnresolvedAsync(engineId.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            PaperOrder? order = await broker.GetOrderAsync(clientOrderId);
            OutboxResolution resolution = order?.BrokerOrderId is { } brokerOrderId
                ? OutboxResolution.FoundAtBroker(brokerOrderId, "crash test operator: the paper broker has it")
                : OutboxResolution.NeverReachedBroker(order is null ? "crash test operator: the paper broker has no such order" : $"crash test operator: the paper broker rejected it ({order.RejectReason})");
            await _quarantine.ResolveAsync(clientOrderId, resolution);
        }
    }

    /// <summary>Clears every HALTED run of the engine (to STOPPED), so a new run may be armed.</summary>
    public async Task ClearHaltsAsync(int engineId)
    {
        foreach (RunRecord halted in await _runs.ListAsync(engineId, RunState.Halted))
        {
            await _runs.ClearHaltAsync(RunReference.Of(halted.RunId), "crash test operator: the process was killed or stopped on purpose; the journal is intact");
        }
    }
}

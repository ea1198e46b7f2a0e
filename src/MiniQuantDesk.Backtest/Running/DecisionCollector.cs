using System.Runtime.CompilerServices;
using MiniQuantDesk.Engine.Gateway;
using MiniQuantDesk.Engine.Pipeline;
using MiniQuantDesk.Ring.Processing;

namespace MiniQuantDesk.Backtest.Running;

/// <summary>
/// The last handler of a backtest's pipeline, standing where the journal and the dispatcher stand live: it keeps
/// every gateway decision (for orders.csv and the event log) and queues the approved commands, which the runner then
/// sends to the simulated venue — the only way an order reaches it.
/// </summary>
internal sealed class DecisionCollector : IValueEventHandler<PipelineEvent>
{
    /// <summary>Every gateway decision, in sequence order.</summary>
    public List<CommandDecision> Decisions { get; } = [];

    /// <summary>Approved commands not yet sent to the venue.</summary>
    public List<OrderCommand> Approved { get; } = [];

    /// <summary>The first engine halt seen, with the event time it happened at.</summary>
    public Engine.Reason Halt { get; private set; }

    /// <inheritdoc />
    public void OnEvent(ref PipelineEvent data, long sequence, bool endOfBatch)
    {
        if (data.Decisions.Count > 0)
        {
            Collect(ref data);
        }

        if (!Halt.IsSet && data.EngineHalt.IsSet)
        {
            Halt = data.EngineHalt;
        }
    }

    /// <summary>Keeps the event's decisions (out of line: a decision holds a reference, so a method with one as a
    /// local clears its frame on every call, and most events decide nothing).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Collect(ref PipelineEvent data)
    {
        for (int i = 0; i < data.Decisions.Count; i++)
        {
            CommandDecision decision = data.Decisions[i];
            Decisions.Add(decision);
            if (decision.Decision.IsApproved)
            {
                Approved.Add(decision.Decision.Approved.Command);
            }
        }
    }
}

using MiniQuantDesk.Engine;
using MiniQuantDesk.Engine.Pipeline;
using MiniQuantDesk.Ring.Processing;

namespace MiniQuantDesk.Journal.Tests.Recovery;

/// <summary>Every gateway decision a pipeline made, as "kind approved|reason code" lines a test can compare between
/// an engine that restarted and one that did not.</summary>
internal sealed class DecisionLog : IValueEventHandler<PipelineEvent>
{
    public List<string> Lines { get; } = [];

    public void OnEvent(ref PipelineEvent data, long sequence, bool endOfBatch)
    {
        for (int index = 0; index < data.Decisions.Count; index++)
        {
            CommandDecision decision = data.Decisions[index];
            Lines.Add(decision.Decision.IsApproved
                ? $"{decision.Command.Kind} {decision.Command.Side} {decision.Command.Quantity} approved"
                : $"{decision.Command.Kind} {decision.Command.Side} {decision.Command.Quantity} refused {Reason.ScreamingCase(decision.Decision.Reason.Code)}");
        }
    }

    public string Last => Lines.Count == 0 ? "none" : Lines[^1];
}

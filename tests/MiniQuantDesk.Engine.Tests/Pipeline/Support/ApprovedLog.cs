using MiniQuantDesk.Engine.Gateway;
using MiniQuantDesk.Engine.Pipeline;
using MiniQuantDesk.Ring.Processing;

namespace MiniQuantDesk.Engine.Tests.Pipeline.Support;

/// <summary>A downstream handler that keeps every approved submit and flatten, per engine (tests only).</summary>
internal sealed class ApprovedLog : IValueEventHandler<PipelineEvent>
{
    public Dictionary<int, List<OrderCommand>> ByEngine { get; } = [];

    public void OnEvent(ref PipelineEvent data, long sequence, bool endOfBatch)
    {
        for (int i = 0; i < data.Decisions.Count; i++)
        {
            CommandDecision decision = data.Decisions[i];
            if (decision.Decision.IsApproved && decision.Command.Kind is CommandKind.Submit or CommandKind.Flatten)
            {
                if (!ByEngine.TryGetValue(data.EngineId, out List<OrderCommand>? list))
                {
                    ByEngine[data.EngineId] = list = [];
                }

                list.Add(decision.Command);
            }
        }
    }
}

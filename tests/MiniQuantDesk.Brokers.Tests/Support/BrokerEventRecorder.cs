using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Pipeline;
using MiniQuantDesk.Ring.Processing;

namespace MiniQuantDesk.Brokers.Tests.Support;

/// <summary>A downstream handler that copies every broker event the pipeline handled, in sequence order.</summary>
internal sealed class BrokerEventRecorder : IValueEventHandler<PipelineEvent>
{
    public List<BrokerOrderEvent> Seen { get; } = [];

    public void OnEvent(ref PipelineEvent data, long sequence, bool endOfBatch)
    {
        if (data.Kind == PipelineEventKind.Broker)
        {
            Seen.Add(data.Broker);
        }
    }
}

using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Pipeline;
using MiniQuantDesk.Ring.Processing;

namespace MiniQuantDesk.Backtest.Venue;

/// <summary>
/// Lets the simulated venue see corporate actions where the engine sees them: a downstream handler on the ring that
/// puts the venue's resting orders on a split's new basis at the same event. The venue stands for the market, so it
/// applies the split whatever the engine decided about the event. A backtest runs one engine, so each action passes
/// here once.
/// </summary>
public sealed class VenueCorporateActions(SimulatedVenue venue) : IValueEventHandler<PipelineEvent>
{
    /// <inheritdoc />
    public void OnEvent(ref PipelineEvent data, long sequence, bool endOfBatch)
    {
        if (data.Kind == PipelineEventKind.CorporateAction && data.CorporateAction.Type == CorporateActionType.Split && data.CorporateAction.Ratio.IsValid)
        {
            venue.ApplySplit(data.CorporateAction.Symbol.Value, data.CorporateAction.Ratio, data.EventTimeNs);
        }
    }
}

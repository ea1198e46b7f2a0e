using MiniQuantDesk.Engine.Market;

namespace MiniQuantDesk.Backtest.Running;

/// <summary>A corporate action the runner publishes to the engine before the first bar of its ex-date session.</summary>
/// <param name="AtNs">Its event time: the ex-date's session open (see <see cref="CorporateActionEvent"/> for why).</param>
/// <param name="Description">How the report and the event log name it, e.g. <c>SAMPLE 2:1 split on 2019-06-03</c>.</param>
/// <param name="Action">The action, its symbol the run's symbol id (series i is symbol i + 1), with the previous
/// close as its reference price.</param>
public sealed record ScheduledCorporateAction(long AtNs, string Description, CorporateActionEvent Action);

using System.Globalization;
using MiniQuantDesk.Journal.Dispatch;

namespace MiniQuantDesk.Cli.Commands;

/// <summary>
/// Wraps the broker adapter of <c>mqd dispatch</c> and prints one line per submit (the order and the broker's answer),
/// so an operator sees what was dispatched, not only how many. It changes nothing about the submit: an exception
/// passes through to the dispatcher, which records the row AMBIGUOUS.
/// </summary>
internal sealed class ReportingSubmitter(IOrderSubmitter inner, TextWriter output) : IOrderSubmitter
{
    public async ValueTask<SubmitOutcome> SubmitAsync(OutboxOrder order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        SubmitOutcome outcome = await inner.SubmitAsync(order, cancellationToken).ConfigureAwait(false);
        string limit = order.IsMarket ? "market" : "limit " + Engine.Numerics.DecimalText.FormatMicros(order.LimitPriceMicros);
        string answer = outcome.Kind switch
        {
            SubmitOutcomeKind.Accepted => $"ACCEPTED as {outcome.BrokerOrderId}",
            SubmitOutcomeKind.Submitted => outcome.BrokerOrderId is null ? "SUBMITTED (ack to come)" : $"SUBMITTED as {outcome.BrokerOrderId}",
            SubmitOutcomeKind.Rejected => $"REJECTED: {outcome.Reason}",
            _ => $"UNKNOWN: {outcome.Reason}",
        };
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  {order.ClientOrderId} {(order.Side == OutboxSide.Buy ? "BUY" : "SELL")} {order.Quantity} {order.Symbol} {limit} (attempt {order.Attempt}) -> {answer}"));
        return outcome;
    }
}

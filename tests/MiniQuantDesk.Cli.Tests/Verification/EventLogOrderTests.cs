using System.Text.Json.Nodes;
using MiniQuantDesk.Cli.Tests.Support;

namespace MiniQuantDesk.Cli.Tests.Verification;

/// <summary>events.jsonl is the run's audit trail: read top to bottom it must tell what happened in the order it
/// happened, cause before effect.</summary>
public sealed class EventLogOrderTests(SampleDataFixture sample) : IClassFixture<SampleDataFixture>, IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public void Every_order_is_decided_before_the_venue_acknowledges_it_and_acknowledged_before_it_fills()
    {
        string output = _temp.Sub("run");
        Backtests.Run(Backtests.SampleDaily(sample), output);

        List<JsonNode> events = [.. File.ReadLines(Path.Combine(output, "events.jsonl")).Select(line => JsonNode.Parse(line)!)];

        var decided = new Dictionary<string, int>(StringComparer.Ordinal);
        var acknowledged = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < events.Count; i++)
        {
            string type = events[i]["type"]!.GetValue<string>();
            string order = events[i]["fields"]?["client_order_id"]?.GetValue<string>() ?? string.Empty;
            string seq = events[i]["seq"]!.ToJsonString();
            switch (type)
            {
                case "decision" when events[i]["fields"]!["command"]!.GetValue<string>() == "submit":
                    decided[order] = i;
                    break;
                case "ack":
                    Assert.True(decided.ContainsKey(order), $"event seq {seq}: the ack of {order} comes before the decision to submit it");
                    acknowledged[order] = i;
                    break;
                case "fill":
                    Assert.True(acknowledged.ContainsKey(order), $"event seq {seq}: the fill of {order} comes before its ack");
                    break;
            }
        }

        Assert.NotEmpty(acknowledged);
    }

    public void Dispose() => _temp.Dispose();
}

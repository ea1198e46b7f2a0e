using System.Text;
using FsCheck;
using FsCheck.Fluent;
using MiniQuantDesk.Backtest.Artifacts;

namespace MiniQuantDesk.Backtest.Tests.Artifacts;

public sealed class EventLogTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>A sealed log of five events (six lines with the seal), as bytes.</summary>
    private byte[] SampleLog()
    {
        string path = _folder.File("events-" + Guid.NewGuid().ToString("N") + ".jsonl");
        using (EventLogWriter writer = new(path))
        {
            for (int i = 1; i <= 5; i++)
            {
                Dictionary<string, string> fields = new(StringComparer.Ordinal)
                {
                    ["symbol"] = "SPY",
                    ["qty"] = (i * 10).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["note"] = i == 3 ? "quote \" and, comma" : "plain",
                };
                writer.Append(i % 2 == 0 ? "fill" : "order", Fills.Minute(i), fields);
            }

            writer.Close();
        }

        return File.ReadAllBytes(path);
    }

    private static List<string> Lines(byte[] log) => [.. Encoding.UTF8.GetString(log).Split('\n', StringSplitOptions.RemoveEmptyEntries)];

    private static byte[] Join(IEnumerable<string> lines) => Encoding.UTF8.GetBytes(string.Concat(lines.Select(line => line + "\n")));

    [Fact]
    public void An_untouched_sealed_log_verifies()
    {
        Assert.Equal(EventLogCheck.Intact, EventLogVerifier.Verify(SampleLog()));
    }

    [Fact]
    public void Lines_are_canonical_json_with_sorted_keys_and_the_first_prev_is_64_zeros()
    {
        string first = Lines(SampleLog())[0];

        Assert.StartsWith("{\"fields\":{\"note\":\"plain\",\"qty\":\"10\",\"symbol\":\"SPY\"},\"hash\":\"", first, StringComparison.Ordinal);
        Assert.Contains($"\"prev\":\"{EventLogWriter.GenesisHash}\",\"seq\":1,\"time\":\"2024-03-05T09:31:00-05:00\"", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Writing_the_same_events_twice_gives_identical_bytes()
    {
        Assert.Equal(SampleLog(), SampleLog());
    }

    [Fact]
    public void An_edited_field_is_detected_at_its_line()
    {
        List<string> lines = Lines(SampleLog());
        lines[2] = lines[2].Replace("\"qty\":\"30\"", "\"qty\":\"31\"", StringComparison.Ordinal);

        EventLogCheck check = EventLogVerifier.Verify(Join(lines));

        Assert.Equal((false, 3), (check.Ok, check.FirstBadLine));
        Assert.Contains("edited", check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deleted_line_is_detected_where_the_sequence_breaks()
    {
        List<string> lines = Lines(SampleLog());
        lines.RemoveAt(1);

        EventLogCheck check = EventLogVerifier.Verify(Join(lines));

        Assert.Equal((false, 2), (check.Ok, check.FirstBadLine));
    }

    [Fact]
    public void Lines_cut_from_the_end_are_detected_by_the_missing_seal()
    {
        List<string> lines = Lines(SampleLog());
        lines.RemoveRange(4, 2);

        EventLogCheck check = EventLogVerifier.Verify(Join(lines));

        Assert.Equal((false, 5), (check.Ok, check.FirstBadLine));
        Assert.Contains("seal is missing", check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_inserted_copy_of_a_line_is_detected()
    {
        List<string> lines = Lines(SampleLog());
        lines.Insert(3, lines[2]);

        EventLogCheck check = EventLogVerifier.Verify(Join(lines));

        Assert.Equal((false, 4), (check.Ok, check.FirstBadLine));
    }

    [Fact]
    public void Two_swapped_lines_are_detected_at_the_first_of_them()
    {
        List<string> lines = Lines(SampleLog());
        (lines[1], lines[2]) = (lines[2], lines[1]);

        EventLogCheck check = EventLogVerifier.Verify(Join(lines));

        Assert.Equal((false, 2), (check.Ok, check.FirstBadLine));
    }

    [Fact]
    public void A_line_appended_after_the_seal_is_detected()
    {
        List<string> lines = Lines(SampleLog());
        lines.Add(lines[0]);

        EventLogCheck check = EventLogVerifier.Verify(Join(lines));

        Assert.Equal((false, 7), (check.Ok, check.FirstBadLine));
    }

    [Fact]
    public void A_log_whose_writer_was_disposed_without_closing_reads_as_unsealed()
    {
        string path = _folder.File("unfinished.jsonl");
        using (EventLogWriter writer = new(path))
        {
            writer.Append("order", Fills.Minute(0), new Dictionary<string, string>());
        }

        EventLogCheck check = EventLogVerifier.Verify(path);

        Assert.Equal((false, 2), (check.Ok, check.FirstBadLine));
    }

    [Fact]
    public void Every_single_byte_change_anywhere_in_the_log_is_detected()
    {
        byte[] log = SampleLog();
        for (int position = 0; position < log.Length; position++)
        {
            byte[] tampered = (byte[])log.Clone();
            tampered[position] ^= 0x01;
            Assert.False(EventLogVerifier.Verify(tampered).Ok, $"flipping the low bit of byte {position} went unnoticed");
        }
    }

    [Fact]
    public void Any_single_byte_change_to_any_line_is_detected()
    {
        byte[] log = SampleLog();
        Arbitrary<int> positions = Gen.Choose(0, log.Length - 1).ToArbitrary();
        Arbitrary<int> deltas = Gen.Choose(1, 255).ToArbitrary();
        Prop.ForAll(positions, deltas, (position, delta) =>
        {
            byte[] tampered = (byte[])log.Clone();
            tampered[position] = (byte)((tampered[position] + delta) % 256);
            return !EventLogVerifier.Verify(tampered).Ok;
        }).QuickCheckThrowOnFailure();
    }
}

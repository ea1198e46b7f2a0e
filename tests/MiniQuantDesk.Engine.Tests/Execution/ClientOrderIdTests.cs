using FsCheck;
using FsCheck.Fluent;
using MiniQuantDesk.Engine.Execution;

namespace MiniQuantDesk.Engine.Tests.Execution;

/// <summary>Client order ids are deterministic, carry their engine, fit broker limits and round-trip as text.</summary>
public sealed class ClientOrderIdTests
{
    private static readonly Gen<int> s_engine = Gen.OneOf(Gen.Choose(1, 20), Gen.Choose(1, ClientOrderId.MaxEngineId), Gen.Constant(ClientOrderId.MaxEngineId));

    private static readonly Gen<long> s_run = Gen.OneOf(
        Gen.Choose(1, 1_000).Select(run => (long)run),
        from high in Gen.Choose(0, ushort.MaxValue)
        from low in Gen.Choose(1, ushort.MaxValue)
        select ((long)high << 16) | (uint)low,
        Gen.Constant(ClientOrderId.MaxRunId));

    private static readonly Gen<long> s_sequence = Gen.OneOf(
        Gen.Choose(0, 2_000).Select(sequence => (long)sequence),
        Gen.Elements(999_999_999L, 1_000_000_000L, long.MaxValue),
        from high in Gen.Choose(0, int.MaxValue)
        from low in Gen.Choose(0, int.MaxValue)
        select ((long)high << 32) | (uint)low);

    private static readonly Gen<int> s_intent = Gen.OneOf(Gen.Choose(0, 8), Gen.Choose(0, ClientOrderId.MaxIntentIndex));

    private static readonly Gen<(int Engine, long Run, long Sequence, int Intent)> s_fields =
        from engine in s_engine
        from run in s_run
        from sequence in s_sequence
        from intent in s_intent
        select (engine, run, sequence, intent);

    [Fact]
    public void An_id_reads_as_engine_run_zero_padded_sequence_and_intent()
    {
        var id = new ClientOrderId(engineId: 3, runId: 7, eventSequence: 123_456, intentIndex: 0);

        Assert.Equal("E3-R7-S000123456-I0", id.ToString());
    }

    [Fact]
    public void The_longest_id_fits_the_48_characters_common_broker_apis_accept()
    {
        var longest = new ClientOrderId(ClientOrderId.MaxEngineId, ClientOrderId.MaxRunId, long.MaxValue, ClientOrderId.MaxIntentIndex);

        string text = longest.ToString();

        Assert.Equal("E65535-R4294967295-S9223372036854775807-I65535", text);
        Assert.Equal(ClientOrderId.MaxTextLength, text.Length);
        Assert.True(text.Length <= 48);
    }

    [Fact]
    public void A_broker_order_is_attributed_to_its_engine_from_the_id_text_alone()
    {
        Assert.True(ClientOrderId.TryParse("E12-R4-S000000031-I2", out ClientOrderId id));

        Assert.Equal((12, 4L, 31L, 2), (id.EngineId, id.RunId, id.EventSequence, id.IntentIndex));
    }

    [Fact]
    public void An_id_is_a_16_byte_value_so_events_carry_it_inline()
    {
        Assert.Equal(16, System.Runtime.CompilerServices.Unsafe.SizeOf<ClientOrderId>());
    }

    [Fact]
    public void The_default_id_is_none_and_never_formats_for_a_broker()
    {
        Span<char> buffer = stackalloc char[ClientOrderId.MaxTextLength];

        Assert.False(ClientOrderId.None.IsSet);
        Assert.False(ClientOrderId.None.TryFormat(buffer, out int written));
        Assert.Equal(0, written);
    }

    [Fact]
    public void Formatting_into_a_too_short_buffer_reports_failure_instead_of_truncating()
    {
        var id = new ClientOrderId(3, 7, 123_456, 0);
        Span<char> buffer = stackalloc char[10];

        Assert.False(id.TryFormat(buffer, out int written));
        Assert.Equal(0, written);
    }

    [Theory]
    [InlineData(0, 1, 0, 0)]
    [InlineData(65_536, 1, 0, 0)]
    [InlineData(1, 0, 0, 0)]
    [InlineData(1, 4_294_967_296, 0, 0)]
    [InlineData(1, 1, -1, 0)]
    [InlineData(1, 1, 0, -1)]
    [InlineData(1, 1, 0, 65_536)]
    public void Fields_outside_their_ranges_are_refused(int engine, long run, long sequence, int intent)
    {
        Assert.False(ClientOrderId.TryCreate(engine, run, sequence, intent, out ClientOrderId id));
        Assert.Equal(ClientOrderId.None, id);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ClientOrderId(engine, run, sequence, intent));
    }

    [Theory]
    [InlineData("")]
    [InlineData("E3-R7-S123456-I0")]
    [InlineData("E3-R7-S0000123456-I0")]
    [InlineData("E03-R7-S000123456-I0")]
    [InlineData("E3-R07-S000123456-I0")]
    [InlineData("E3-R7-S000123456-I00")]
    [InlineData("e3-r7-s000123456-i0")]
    [InlineData("E0-R7-S000123456-I0")]
    [InlineData("E3-R0-S000123456-I0")]
    [InlineData("E65536-R7-S000123456-I0")]
    [InlineData("E3-R4294967296-S000123456-I0")]
    [InlineData("E3-R7-S9223372036854775808-I0")]
    [InlineData("E3-R7-S99999999999999999999999-I0")]
    [InlineData("E3-R7-S000123456-I65536")]
    [InlineData("E3-R7-S000123456-I0 ")]
    [InlineData(" E3-R7-S000123456-I0")]
    [InlineData("E3-R7-S000123456")]
    [InlineData("E3-R7-I0-S000123456")]
    [InlineData("E3_R7_S000123456_I0")]
    [InlineData("E3-R7-S-00123456-I0")]
    [InlineData("E3-R7-S+00123456-I0")]
    public void Only_the_canonical_text_parses(string text)
    {
        Assert.False(ClientOrderId.TryParse(text, out ClientOrderId id));
        Assert.Equal(ClientOrderId.None, id);
        FormatException error = Assert.Throws<FormatException>(() => ClientOrderId.Parse(text));
        Assert.Contains("E3-R7-S000123456-I0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_order_by_event_sequence_then_intent_within_a_run()
    {
        var first = new ClientOrderId(3, 7, 41, 1);
        var second = new ClientOrderId(3, 7, 42, 0);
        var third = new ClientOrderId(3, 7, 42, 1);

        Assert.True(first < second && second < third);
        Assert.True(string.CompareOrdinal(first.ToString(), second.ToString()) < 0);
    }

    [Fact]
    public void The_same_fields_always_give_the_same_id_and_text_and_the_text_parses_back_to_it()
    {
        Prop.ForAll(s_fields.ToArbitrary(), fields =>
        {
            var id = new ClientOrderId(fields.Engine, fields.Run, fields.Sequence, fields.Intent);
            var again = new ClientOrderId(fields.Engine, fields.Run, fields.Sequence, fields.Intent);
            Span<char> buffer = stackalloc char[ClientOrderId.MaxTextLength];
            bool formatted = id.TryFormat(buffer, out int written);
            string text = id.ToString();

            Assert.True(formatted);
            Assert.Equal(again, id);
            Assert.Equal(again.ToString(), text);
            Assert.Equal(text, new string(buffer[..written]));
            Assert.True(text.Length <= ClientOrderId.MaxTextLength);
            Assert.True(ClientOrderId.TryParse(text, out ClientOrderId parsed));
            Assert.Equal(id, parsed);
            Assert.Equal((fields.Engine, fields.Run, fields.Sequence, fields.Intent), (parsed.EngineId, parsed.RunId, parsed.EventSequence, parsed.IntentIndex));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Different_fields_always_give_different_ids_and_different_texts()
    {
        Prop.ForAll(s_fields.ToArbitrary(), s_fields.ToArbitrary(), (left, right) =>
        {
            var leftId = new ClientOrderId(left.Engine, left.Run, left.Sequence, left.Intent);
            var rightId = new ClientOrderId(right.Engine, right.Run, right.Sequence, right.Intent);

            Assert.Equal(left == right, leftId == rightId);
            Assert.Equal(left == right, leftId.ToString() == rightId.ToString());
            Assert.Equal(left == right, leftId.CompareTo(rightId) == 0);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Neighbouring_fields_never_collide()
    {
        // Random pairs rarely land next to each other; neighbours are where a sloppy encoding would collide
        // (E1-R23 against E12-R3, say), so check every field's neighbours directly.
        Prop.ForAll(s_fields.ToArbitrary(), fields =>
        {
            var id = new ClientOrderId(fields.Engine, fields.Run, fields.Sequence, fields.Intent);
            var texts = new HashSet<string>(StringComparer.Ordinal) { id.ToString() };
            foreach ((int engine, long run, long sequence, int intent) in Neighbours(fields))
            {
                if (ClientOrderId.TryCreate(engine, run, sequence, intent, out ClientOrderId neighbour))
                {
                    Assert.NotEqual(id, neighbour);
                    Assert.True(texts.Add(neighbour.ToString()), neighbour.ToString());
                }
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Any_text_that_parses_formats_back_to_exactly_itself()
    {
        // A few edits of a canonical text (mostly digits, where a lenient parser would slip), or random text.
        Gen<string> nearCanonical =
            from fields in s_fields
            from count in Gen.Choose(1, 3)
            from edits in Gen.ListOf(Gen.Zip(Gen.Choose(0, 60), Gen.Frequency((6, Gen.Elements('0', '1', '9')), (1, Gen.Elements('E', 'R', 'S', 'I', '-', ' ', 'x')))), count)
            select Mutate(new ClientOrderId(fields.Engine, fields.Run, fields.Sequence, fields.Intent).ToString(), edits);
        Gen<string> random = Gen.ListOf(Gen.Elements('E', 'R', 'S', 'I', '-', '0', '1', '2', '7', '9'))
            .Select(chars => new string(chars.ToArray()));

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2_000), Prop.ForAll(Gen.Frequency((4, nearCanonical), (1, random)).ToArbitrary(), text =>
        {
            if (ClientOrderId.TryParse(text, out ClientOrderId parsed))
            {
                Assert.Equal(text, parsed.ToString());
            }
        }));
    }

    private static IEnumerable<(int, long, long, int)> Neighbours((int Engine, long Run, long Sequence, int Intent) fields)
    {
        foreach (int delta in new[] { -1, 1 })
        {
            yield return (fields.Engine + delta, fields.Run, fields.Sequence, fields.Intent);
            yield return (fields.Engine, fields.Run + delta, fields.Sequence, fields.Intent);
            yield return (fields.Engine, fields.Run, fields.Sequence == long.MaxValue && delta > 0 ? 0 : fields.Sequence + delta, fields.Intent);
            yield return (fields.Engine, fields.Run, fields.Sequence, fields.Intent + delta);
        }

        yield return (fields.Engine * 10, fields.Run / 10, fields.Sequence, fields.Intent);
        yield return (fields.Engine / 10, fields.Run * 10, fields.Sequence, fields.Intent);
    }

    private static string Mutate(string text, IEnumerable<(int Position, char Char)> edits)
    {
        var chars = new List<char>(text);
        foreach ((int position, char c) in edits)
        {
            int at = position % (chars.Count + 1);
            if (position % 3 == 0 && at < chars.Count)
            {
                chars.RemoveAt(at);
            }
            else if (position % 3 == 1 && at < chars.Count)
            {
                chars[at] = c;
            }
            else
            {
                chars.Insert(at, c);
            }
        }

        return new string(chars.ToArray());
    }
}

using System.Text.Json.Nodes;
using MiniQuantDesk.Backtest.Artifacts;

namespace MiniQuantDesk.Backtest.Tests.Artifacts;

public class CanonicalJsonTests
{
    [Fact]
    public void Keys_are_sorted_at_every_level_with_no_spaces_and_a_final_newline()
    {
        JsonObject node = new()
        {
            ["zeta"] = 1,
            ["alpha"] = new JsonObject { ["y"] = "b", ["x"] = true },
            ["mid"] = new JsonArray(3, null, "c"),
        };

        Assert.Equal("{\"alpha\":{\"x\":true,\"y\":\"b\"},\"mid\":[3,null,\"c\"],\"zeta\":1}\n", CanonicalJson.Serialize(node));
    }

    [Fact]
    public void The_same_content_built_in_a_different_key_order_serializes_to_the_same_text()
    {
        JsonObject first = new() { ["a"] = 1, ["b"] = 2 };
        JsonObject second = new() { ["b"] = 2, ["a"] = 1 };

        Assert.Equal(CanonicalJson.Serialize(first), CanonicalJson.Serialize(second));
    }

    [Fact]
    public void Money_is_an_exact_decimal_number_and_a_ratio_is_rounded_to_six_decimals()
    {
        JsonObject node = new()
        {
            ["money"] = CanonicalJson.Money(117_622_700_000),
            ["ratio"] = CanonicalJson.Ratio(0.12345649999),
            ["tiny"] = CanonicalJson.Ratio(-0.0000001),
            ["whole"] = CanonicalJson.Ratio(2.0),
        };

        Assert.Equal("{\"money\":117622.7,\"ratio\":0.123456,\"tiny\":0,\"whole\":2}", CanonicalJson.SerializeLine(node));
    }

    [Fact]
    public void Strings_escape_quotes_backslashes_and_control_characters_only()
    {
        Assert.Equal("\"a\\\"b\\\\c\\nd\\u0001é\"", CanonicalJson.SerializeLine(JsonValue.Create("a\"b\\c\nd\u0001é")));
    }

    [Fact]
    public void Sha256_hex_is_lowercase_and_matches_the_standard_test_vector()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", CanonicalJson.Sha256Hex("abc"));
        Assert.Equal(CanonicalJson.Sha256Hex("abc"), CanonicalJson.Sha256Hex("abc"u8.ToArray()));
    }

    [Fact]
    public void A_ratio_that_is_not_finite_is_refused() =>
        Assert.Throws<ArgumentException>(() => CanonicalJson.Ratio(double.NaN));
}

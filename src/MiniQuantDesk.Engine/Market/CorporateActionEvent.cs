using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Engine.Market;

/// <summary>
/// A corporate action as an engine input: a split or a cash dividend of one symbol, effective at the event's time.
/// <para>The event time is the ex-date's session open: the position over the previous close is the old one (that
/// close is its last mark, on the old basis), and the first price on the new basis is the ex-date's open. Putting it
/// at the previous close instead would give it the same time as that session's last bar and the fills reported with
/// it, and their order would then rest on publication order alone.</para>
/// </summary>
public struct CorporateActionEvent
{
    /// <summary>The symbol.</summary>
    public SymbolId Symbol;

    /// <summary>Split or dividend.</summary>
    public CorporateActionType Type;

    /// <summary>For a split: new shares : old shares.</summary>
    public SplitRatio Ratio;

    /// <summary>For a dividend: cash per share in micros, positive.</summary>
    public long DividendMicros;

    /// <summary>The previous close, on the old basis: the price fractional shares are paid out at (cash in lieu).</summary>
    public Price ReferencePrice;

    /// <summary>A split of <paramref name="symbol"/> by <paramref name="ratio"/>, with the previous close.</summary>
    public static CorporateActionEvent Split(SymbolId symbol, SplitRatio ratio, Price previousClose) =>
        new() { Symbol = symbol, Type = CorporateActionType.Split, Ratio = ratio, ReferencePrice = previousClose };

    /// <summary>A dividend of <paramref name="perShareMicros"/> per share of <paramref name="symbol"/>.</summary>
    public static CorporateActionEvent Dividend(SymbolId symbol, long perShareMicros, Price previousClose) =>
        new() { Symbol = symbol, Type = CorporateActionType.Dividend, DividendMicros = perShareMicros, ReferencePrice = previousClose };

    /// <summary>True when the terms make sense: a split with a valid ratio, or a positive dividend; and a positive
    /// reference price (a split needs it for cash in lieu; a dividend carries it for the record).</summary>
    public readonly bool HasValidTerms => ReferencePrice.IsValid && Type switch
    {
        CorporateActionType.Split => Ratio.IsValid,
        CorporateActionType.Dividend => DividendMicros > 0,
        _ => false,
    };
}

namespace MiniQuantDesk.Engine.Market;

/// <summary>A symbol interned to a small integer at start, so that events carry no strings.</summary>
/// <param name="Value">The index in the <see cref="SymbolTable"/>; 0 is reserved for "no symbol".</param>
public readonly record struct SymbolId(int Value)
{
    /// <summary>No symbol.</summary>
    public static readonly SymbolId None;

    /// <summary>True for a registered symbol.</summary>
    public bool IsSet => Value > 0;
}

namespace MiniQuantDesk.Engine.Market;

/// <summary>
/// Interns ticker symbols to <see cref="SymbolId"/>s before the engine starts. Ids are given in registration order
/// from 1, so a run that registers the same symbols in the same order gets the same ids.
/// </summary>
public sealed class SymbolTable
{
    private readonly Dictionary<string, SymbolId> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _names = [string.Empty];

    /// <summary>The number of registered symbols.</summary>
    public int Count => _names.Count - 1;

    /// <summary>Registers <paramref name="symbol"/> (upper-case letters, digits, '.', '-'; 1 to 12 characters)
    /// and returns its id; registering it again returns the same id.</summary>
    /// <exception cref="ArgumentException">The symbol is empty or has other characters.</exception>
    public SymbolId Register(string symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        if (symbol.Length is 0 or > 12 || !symbol.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c is '.' or '-'))
        {
            throw new ArgumentException($"'{symbol}' is not a symbol: use 1 to 12 upper-case letters, digits, '.' or '-' (e.g. MSFT, BRK.B).", nameof(symbol));
        }

        if (_ids.TryGetValue(symbol, out SymbolId id))
        {
            return id;
        }

        id = new SymbolId(_names.Count);
        _ids.Add(symbol, id);
        _names.Add(symbol);
        return id;
    }

    /// <summary>The id of a registered symbol.</summary>
    public bool TryGet(string symbol, out SymbolId id) => _ids.TryGetValue(symbol, out id);

    /// <summary>True when <paramref name="id"/> was registered here.</summary>
    public bool Contains(SymbolId id) => id.Value > 0 && id.Value < _names.Count;

    /// <summary>The symbol's text.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The id was not registered here.</exception>
    public string NameOf(SymbolId id) =>
        Contains(id) ? _names[id.Value] : throw new ArgumentOutOfRangeException(nameof(id), id.Value, "This symbol id was not registered.");
}

namespace MiniQuantDesk.Ring.Tests.Support;

/// <summary>Violations of one law seen by a handler: how many, and the first few described.</summary>
internal sealed class ViolationLog
{
    private const int ExamplesKept = 5;
    private readonly List<string> _examples = [];

    /// <summary>How many violations were seen.</summary>
    public int Count { get; private set; }

    /// <summary>Records a violation.</summary>
    public void Add(string description)
    {
        Count++;
        if (_examples.Count < ExamplesKept)
        {
            _examples.Add(description);
        }
    }

    /// <summary>The count and the first examples, for an assertion message.</summary>
    public override string ToString() =>
        Count == 0 ? "none" : $"{Count} violation(s), first: {string.Join("; ", _examples)}";
}

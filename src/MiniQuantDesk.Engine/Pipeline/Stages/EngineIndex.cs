namespace MiniQuantDesk.Engine.Pipeline.Stages;

/// <summary>Maps an event's engine id to the position of that engine's state in a stage: a linear scan over a few
/// ids, which beats hashing for the handful of engines a process runs, and allocates nothing.</summary>
internal sealed class EngineIndex
{
    private readonly int[] _ids;

    public EngineIndex(IReadOnlyList<EngineSpec> engines)
    {
        _ids = new int[engines.Count];
        for (int i = 0; i < _ids.Length; i++)
        {
            _ids[i] = engines[i].EngineId;
        }
    }

    public int Count => _ids.Length;

    public int IdAt(int index) => _ids[index];

    /// <summary>The index of <paramref name="engineId"/>, or −1.</summary>
    public int Of(int engineId)
    {
        int[] ids = _ids;
        for (int i = 0; i < ids.Length; i++)
        {
            if (ids[i] == engineId)
            {
                return i;
            }
        }

        return -1;
    }
}

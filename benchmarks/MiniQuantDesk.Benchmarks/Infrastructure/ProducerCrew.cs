namespace MiniQuantDesk.Benchmarks.Infrastructure;

/// <summary>
/// Extra producer threads for the multi-producer benchmarks. They are started once (global setup) and each
/// runs its share of a round when <see cref="StartRound"/> releases it, while the benchmark thread runs the
/// share of producer 0; so a round has no thread start in it, and at most one semaphore wake-up per helper.
/// </summary>
internal sealed class ProducerCrew : IDisposable
{
    private readonly Thread[] _threads;
    private readonly SemaphoreSlim[] _go;
    private readonly Action<int> _work;
    private volatile bool _stopping;
    private volatile Exception? _failure;

    /// <summary>Starts <paramref name="helpers"/> threads; helper i runs <paramref name="work"/>(i + 1) per round.</summary>
    public ProducerCrew(int helpers, Action<int> work)
    {
        _work = work;
        _go = new SemaphoreSlim[helpers];
        _threads = new Thread[helpers];
        for (int index = 0; index < helpers; index++)
        {
            int producer = index + 1;
            SemaphoreSlim go = _go[index] = new SemaphoreSlim(0);
            _threads[index] = new Thread(() => RunHelper(producer, go))
            {
                IsBackground = true,
                Name = $"benchmark-producer-{producer}",
            };
            _threads[index].Start();
        }
    }

    /// <summary>Lets every helper run its share of one round. Throws when a helper failed in an earlier round.</summary>
    public void StartRound()
    {
        if (_failure is { } failure)
        {
            throw new InvalidOperationException("A benchmark producer thread failed.", failure);
        }

        foreach (SemaphoreSlim go in _go)
        {
            go.Release();
        }
    }

    /// <summary>Stops and joins the helpers; call when no round is running.</summary>
    public void Dispose()
    {
        _stopping = true;
        foreach (SemaphoreSlim go in _go)
        {
            go.Release();
        }

        foreach (Thread thread in _threads)
        {
            thread.Join();
        }

        foreach (SemaphoreSlim go in _go)
        {
            go.Dispose();
        }
    }

    private void RunHelper(int producer, SemaphoreSlim go)
    {
        while (true)
        {
            go.Wait();
            if (_stopping)
            {
                return;
            }

            try
            {
                _work(producer);
            }
            catch (Exception exception) when (exception is InvalidOperationException or OperationCanceledException)
            {
                _failure = exception;
                return;
            }
        }
    }
}

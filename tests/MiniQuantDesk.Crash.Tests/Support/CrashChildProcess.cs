using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Npgsql;

namespace MiniQuantDesk.Crash.Tests.Support;

/// <summary>
/// One child process (<c>dotnet MiniQuantDesk.CrashChild.dll …</c>): its output lines as they come, a bounded wait for
/// its start, a SIGKILL, or a clean stop through its standard input. Disposing kills it if it still runs, so no test
/// leaves a child behind.
/// </summary>
internal sealed class CrashChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _stdout = Channel.CreateUnbounded<string>();
    private readonly List<string> _transcript = [];

    private CrashChildProcess(Process process, string applicationName)
    {
        _process = process;
        ApplicationName = applicationName;
    }

    /// <summary>The application name the child's database sessions carry (unique per child): after a kill, its
    /// sessions may still finish a statement the child sent, so the truth is settled only when they are gone.</summary>
    public string ApplicationName { get; }

    /// <summary>True once the process ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Everything the child printed so far (standard output and error), for failure messages.</summary>
    public string Transcript
    {
        get
        {
            lock (_transcript)
            {
                return string.Join(Environment.NewLine, _transcript);
            }
        }
    }

    public static CrashChildProcess Start(string childDll, string database, int engineId, int seed, int? answerLostAt)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(childDll);
        string applicationName = $"crash-child-{Guid.NewGuid():N}";
        info.ArgumentList.Add("--database");
        info.ArgumentList.Add(new NpgsqlConnectionStringBuilder(database) { ApplicationName = applicationName }.ConnectionString);
        info.ArgumentList.Add("--engine");
        info.ArgumentList.Add(engineId.ToString(CultureInfo.InvariantCulture));
        info.ArgumentList.Add("--seed");
        info.ArgumentList.Add(seed.ToString(CultureInfo.InvariantCulture));
        if (answerLostAt is { } n)
        {
            info.ArgumentList.Add("--answer-lost-at");
            info.ArgumentList.Add(n.ToString(CultureInfo.InvariantCulture));
        }

        var process = new Process { StartInfo = info };
        var child = new CrashChildProcess(process, applicationName);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                child._stdout.Writer.TryComplete();
                return;
            }

            child.Record(e.Data);
            child._stdout.Writer.TryWrite(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                child.Record("stderr: " + e.Data);
            }
        };
        if (!process.Start())
        {
            throw new InvalidOperationException($"could not start 'dotnet {childDll}'");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits until the child says it runs, or exits; fails after <paramref name="timeout"/>.</summary>
    public async Task<ChildStart> WaitForStartAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await foreach (string line in _stdout.Reader.ReadAllAsync(deadline.Token))
            {
                if (line.StartsWith("RUNNING:", StringComparison.Ordinal))
                {
                    return new ChildStart(true, 0);
                }
            }

            await _process.WaitForExitAsync(deadline.Token);
            return new ChildStart(false, _process.ExitCode);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException($"the child neither ran nor exited within {timeout.TotalSeconds:0} s; it printed:{Environment.NewLine}{Transcript}");
        }
    }

    /// <summary>SIGKILL: the child gets no chance to clean up, as in a crash.</summary>
    public void Kill()
    {
        _process.Kill();
        if (!_process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException("the child did not die within 30 s of SIGKILL");
        }
    }

    /// <summary>Asks the child to stop and waits for its exit code.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        await _process.StandardInput.WriteLineAsync("stop");
        await _process.StandardInput.FlushAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException($"the child did not stop within {timeout.TotalSeconds:0} s of being told to; it printed:{Environment.NewLine}{Transcript}");
        }

        return _process.ExitCode;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(TimeSpan.FromSeconds(30));
            }
        }
        catch (InvalidOperationException)
        {
            // It was never started or has already been reaped: nothing left to kill.
        }

        _process.Dispose();
    }

    private void Record(string line)
    {
        lock (_transcript)
        {
            _transcript.Add(line);
        }
    }
}

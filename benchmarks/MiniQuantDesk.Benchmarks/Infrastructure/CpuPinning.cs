using System.Globalization;
using System.Runtime.InteropServices;

namespace MiniQuantDesk.Benchmarks.Infrastructure;

/// <summary>
/// Gives one thread a CPU of its own on Linux (sched_setaffinity), the way a colocated deployment isolates the
/// business-logic thread: that thread runs on <see cref="IsolatedCpu"/> only, and every other thread of the process — the
/// runtime's own (GC, JIT, thread pool, finalizer) included — and every process they start on the others. Threads are
/// found by the name the runtime gives the OS thread (/proc/self/task/*/comm, at most 15 characters).
/// </summary>
internal static partial class CpuPinning
{
    /// <summary>True where pinning is possible: Linux with at least two CPUs.</summary>
    public static bool Available => OperatingSystem.IsLinux() && Environment.ProcessorCount >= 2;

    /// <summary>The CPU the isolated thread gets: the one that has served the fewest device interrupts since boot
    /// (the highest-numbered of those, on a tie). A disk's completion interrupt lands on one CPU; on the development
    /// VM that was the last one, and every journal commit then interrupted the business logic for about 15 µs.</summary>
    public static int IsolatedCpu { get; } = ChooseIsolatedCpu();

    private static int CpuCount => Math.Min(Environment.ProcessorCount, 64);

    private static ulong AllCpus => CpuCount == 64 ? ulong.MaxValue : (1UL << CpuCount) - 1;

    private static ulong SharedCpus => AllCpus & ~(1UL << IsolatedCpu);

    /// <summary>Moves every thread of this process to the shared CPUs (all but <see cref="IsolatedCpu"/>); threads
    /// and processes started afterwards inherit it. Call it before starting what must stay off the isolated CPU.</summary>
    public static void ShareAllThreads() => ForEachThread(static (_, _) => SharedCpus);

    /// <summary>Gives the one thread whose name starts with <paramref name="namePrefix"/> the isolated CPU and moves
    /// every other thread to the shared ones.</summary>
    /// <exception cref="InvalidOperationException">Not exactly one thread has that name.</exception>
    public static void Isolate(string namePrefix)
    {
        int isolated = 0;
        ForEachThread((_, name) =>
        {
            if (name.StartsWith(namePrefix, StringComparison.Ordinal))
            {
                isolated++;
                return 1UL << IsolatedCpu;
            }

            return SharedCpus;
        });
        if (isolated != 1)
        {
            throw new InvalidOperationException($"Expected one thread named {namePrefix}*, found {isolated}.");
        }
    }

    /// <summary>Lets every thread of this process run on every CPU again.</summary>
    public static void Release() => ForEachThread(static (_, _) => AllCpus);

    private static void ForEachThread(Func<int, string, ulong> maskOf)
    {
        foreach (string task in Directory.GetDirectories("/proc/self/task"))
        {
            string name;
            try
            {
                name = File.ReadAllText(Path.Combine(task, "comm")).TrimEnd('\n');
            }
            catch (IOException)
            {
                continue; // the thread ended meanwhile
            }

            int threadId = int.Parse(Path.GetFileName(task), CultureInfo.InvariantCulture);
            ulong mask = maskOf(threadId, name);
            if (SchedSetAffinity(threadId, (nuint)sizeof(ulong), ref mask) != 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                if (errno != 3)
                {
                    // ESRCH (3): the thread ended between the listing and the call. Anything else is a real failure.
                    throw new InvalidOperationException(string.Create(
                        CultureInfo.InvariantCulture,
                        $"sched_setaffinity(thread {threadId} '{name}', mask {mask:X}) failed with errno {errno}."));
                }
            }
        }
    }

    /// <summary>Sums, per CPU, the rows of /proc/interrupts that belong to devices (those numbered, not the
    /// kernel's own: timer, rescheduling, TLB shootdowns), and picks the CPU with the fewest.</summary>
    private static int ChooseIsolatedCpu()
    {
        int cpus = CpuCount;
        var served = new long[cpus];
        try
        {
            foreach (string line in File.ReadLines("/proc/interrupts").Skip(1))
            {
                string[] fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length <= cpus || !fields[0].EndsWith(':') || !int.TryParse(fields[0].AsSpan(0, fields[0].Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    continue;
                }

                for (int cpu = 0; cpu < cpus; cpu++)
                {
                    if (long.TryParse(fields[1 + cpu], NumberStyles.None, CultureInfo.InvariantCulture, out long count))
                    {
                        served[cpu] += count;
                    }
                }
            }
        }
        catch (IOException)
        {
            return cpus - 1; // no interrupt counts to go by: the last CPU, as a deployment would usually isolate
        }
        catch (UnauthorizedAccessException)
        {
            return cpus - 1;
        }

        int quietest = cpus - 1;
        for (int cpu = cpus - 2; cpu >= 0; cpu--)
        {
            if (served[cpu] < served[quietest])
            {
                quietest = cpu;
            }
        }

        return quietest;
    }

    [LibraryImport("libc", EntryPoint = "sched_setaffinity", SetLastError = true)]
    private static partial int SchedSetAffinity(int pid, nuint cpuSetSize, ref ulong mask);
}

using System.Globalization;
using System.Runtime.InteropServices;

namespace MiniQuantDesk.Benchmarks.Infrastructure;

/// <summary>
/// Pins threads to CPUs on Linux (sched_setaffinity), the way a colocated deployment isolates the business-logic
/// thread on a core of its own. Threads are found by the name the runtime gives the OS thread (/proc/self/task/*/comm,
/// at most 15 characters).
/// </summary>
internal static partial class CpuPinning
{
    /// <summary>True where pinning is possible: Linux with at least two CPUs.</summary>
    public static bool Available => OperatingSystem.IsLinux() && Environment.ProcessorCount >= 2;

    /// <summary>The highest CPU number (CPUs are numbered from 0).</summary>
    public static int LastCpu => Math.Min(Environment.ProcessorCount, 64) - 1;

    /// <summary>Pins the calling thread to every CPU but <paramref name="cpu"/>; threads and processes it starts
    /// later inherit that.</summary>
    public static void PinCurrentThreadExcept(int cpu) => Pin(0, AllCpus & ~(1UL << cpu));

    /// <summary>Lets the calling thread run on every CPU again.</summary>
    public static void UnpinCurrentThread() => Pin(0, AllCpus);

    private static ulong AllCpus => LastCpu == 63 ? ulong.MaxValue : (1UL << (LastCpu + 1)) - 1;

    /// <summary>Pins every thread of this process whose OS name starts with <paramref name="namePrefix"/>; returns how many.</summary>
    public static int PinThreadsNamed(string namePrefix, int cpu)
    {
        int pinned = 0;
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

            if (name.StartsWith(namePrefix, StringComparison.Ordinal))
            {
                Pin(int.Parse(Path.GetFileName(task), CultureInfo.InvariantCulture), 1UL << cpu);
                pinned++;
            }
        }

        return pinned;
    }

    private static void Pin(int threadId, ulong mask)
    {
        if (SchedSetAffinity(threadId, (nuint)sizeof(ulong), ref mask) != 0)
        {
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"sched_setaffinity(thread {threadId}, mask {mask:X}) failed with errno {Marshal.GetLastPInvokeError()}."));
        }
    }

    [LibraryImport("libc", EntryPoint = "sched_setaffinity", SetLastError = true)]
    private static partial int SchedSetAffinity(int pid, nuint cpuSetSize, ref ulong mask);
}

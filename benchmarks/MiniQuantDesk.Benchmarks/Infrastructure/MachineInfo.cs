using System.Globalization;
using System.Runtime.InteropServices;

namespace MiniQuantDesk.Benchmarks.Infrastructure;

/// <summary>Where a measurement was taken: absolute numbers mean nothing without it.</summary>
/// <param name="Cpu">The CPU model (from /proc/cpuinfo on Linux).</param>
/// <param name="LogicalCores">Logical cores visible to the process.</param>
/// <param name="Os">The operating system.</param>
/// <param name="Runtime">The .NET runtime.</param>
/// <param name="DateUtc">When, in UTC (ISO 8601).</param>
/// <param name="LoadAverage">The 1, 5 and 15 minute load averages when measuring started (Linux), or "unknown":
/// other processes running at the same time distort every number on a 2-core machine.</param>
public sealed record MachineInfo(string Cpu, int LogicalCores, string Os, string Runtime, string DateUtc, string LoadAverage)
{
    /// <summary>Describes this machine, now.</summary>
    public static MachineInfo Current() => new(
        CpuModel(),
        Environment.ProcessorCount,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        CurrentLoadAverage());

    /// <summary>A one-line description for tables.</summary>
    public override string ToString() => $"{Cpu}, {LogicalCores} logical cores, {Os}, {Runtime}, {DateUtc}, load average {LoadAverage}";

    /// <summary>The 1, 5 and 15 minute load averages from /proc/loadavg, or "unknown".</summary>
    public static string CurrentLoadAverage()
    {
        const string LoadAverageFile = "/proc/loadavg";
        if (!File.Exists(LoadAverageFile))
        {
            return "unknown";
        }

        string[] fields = File.ReadAllText(LoadAverageFile).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length >= 3 ? string.Join(' ', fields[..3]) : "unknown";
    }

    private static string CpuModel()
    {
        const string CpuInfo = "/proc/cpuinfo";
        if (File.Exists(CpuInfo))
        {
            foreach (string line in File.ReadLines(CpuInfo))
            {
                if (line.StartsWith("model name", StringComparison.Ordinal) && line.Contains(':', StringComparison.Ordinal))
                {
                    return line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
                }
            }
        }

        return Environment.GetEnvironmentVariable("PROCESSOR_IDENTIFIER") ?? RuntimeInformation.ProcessArchitecture.ToString();
    }
}

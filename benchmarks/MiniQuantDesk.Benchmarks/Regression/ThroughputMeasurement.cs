using System.Reflection;
using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace MiniQuantDesk.Benchmarks.Regression;

/// <summary>One throughput benchmark's result, read from a BenchmarkDotNet brief JSON report.</summary>
/// <param name="Type">The benchmark class, e.g. <c>OneToOneThroughput</c>.</param>
/// <param name="Method">The benchmark method, e.g. <c>RingYielding</c>.</param>
/// <param name="MedianNs">Median nanoseconds per event over the measured iterations.</param>
/// <param name="AllocatedBytesPerEvent">Bytes allocated per event, as BenchmarkDotNet reports it (rounded to whole bytes).</param>
internal sealed record ThroughputMeasurement(string Type, string Method, double MedianNs, long AllocatedBytesPerEvent)
{
    // BenchmarkDotNet's names for the class and method of a benchmark in its JSON report.
    private const string TypeProperty = "Type";
    private const string MethodProperty = "Method";

    /// <summary><c>Type.Method</c>.</summary>
    public string Name => $"{Type}.{Method}";

    /// <summary>Events per second from the median.</summary>
    public double EventsPerSecond => 1e9 / MedianNs;

    /// <summary>Reads every <c>*-report-brief.json</c> under <paramref name="folder"/> (recursively).</summary>
    /// <exception cref="InvalidDataException">No report was found, or one is malformed.</exception>
    public static IReadOnlyList<ThroughputMeasurement> ReadAll(string folder)
    {
        string[] files = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*-report-brief.json", SearchOption.AllDirectories)
            : [];
        if (files.Length == 0)
        {
            throw new InvalidDataException(
                $"{folder}: no BenchmarkDotNet '*-report-brief.json' report found. Run the throughput benchmarks with '--artifacts {folder}' first (the JSON exporter is part of every profile).");
        }

        var measurements = new List<ThroughputMeasurement>();
        foreach (string file in files)
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(file));
            foreach (JsonElement benchmark in document.RootElement.GetProperty("Benchmarks").EnumerateArray())
            {
                string type = benchmark.GetProperty(TypeProperty).GetString() ?? string.Empty;
                string method = benchmark.GetProperty(MethodProperty).GetString() ?? string.Empty;
                if (!benchmark.TryGetProperty("Statistics", out JsonElement statistics) || statistics.ValueKind != JsonValueKind.Object)
                {
                    throw new InvalidDataException($"{file}: {type}.{method} has no statistics: the benchmark failed to run (see its log next to the report).");
                }

                long allocated = benchmark.TryGetProperty("Memory", out JsonElement memory) && memory.ValueKind == JsonValueKind.Object
                    ? memory.GetProperty("BytesAllocatedPerOperation").GetInt64()
                    : throw new InvalidDataException($"{file}: {type}.{method} has no memory statistics: the MemoryDiagnoser is missing from the configuration.");
                measurements.Add(new ThroughputMeasurement(type, method, statistics.GetProperty("Median").GetDouble(), allocated));
            }
        }

        return measurements;
    }

    /// <summary>
    /// The baseline method of each benchmark class in this program (the one with <c>Baseline = true</c>), by class
    /// name: the Channels comparison each ratio is taken against.
    /// </summary>
    public static IReadOnlyDictionary<string, string> BaselineMethods() =>
        typeof(ThroughputMeasurement).Assembly.GetTypes()
            .Select(type => (type, baseline: type.GetMethods().FirstOrDefault(m => m.GetCustomAttribute<BenchmarkAttribute>()?.Baseline == true)))
            .Where(pair => pair.baseline is not null)
            .ToDictionary(pair => pair.type.Name, pair => pair.baseline!.Name, StringComparer.Ordinal);
}

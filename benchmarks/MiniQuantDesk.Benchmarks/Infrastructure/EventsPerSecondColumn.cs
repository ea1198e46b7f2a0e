using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace MiniQuantDesk.Benchmarks.Infrastructure;

/// <summary>
/// The throughput column: events per second, from the mean time per operation. Every throughput benchmark sets
/// <c>OperationsPerInvoke</c> to the events it publishes per invocation, so one operation is one event.
/// </summary>
public sealed class EventsPerSecondColumn : IColumn
{
    /// <summary>The one instance.</summary>
    public static readonly EventsPerSecondColumn Instance = new();

    private EventsPerSecondColumn()
    {
    }

    /// <inheritdoc/>
    public string Id => "EventsPerSecond";

    /// <inheritdoc/>
    public string ColumnName => "Events/s";

    /// <inheritdoc/>
    public bool AlwaysShow => true;

    /// <inheritdoc/>
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc/>
    public int PriorityInCategory => 0;

    /// <inheritdoc/>
    public bool IsNumeric => true;

    /// <inheritdoc/>
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc/>
    public string Legend => "Events handled per second by the last consumer (1 s / mean time per event)";

    /// <summary>Formats events per second with an SI suffix, e.g. <c>183.2 M</c>.</summary>
    public static string Format(double eventsPerSecond) => eventsPerSecond switch
    {
        >= 1e9 => string.Create(CultureInfo.InvariantCulture, $"{eventsPerSecond / 1e9:F2} G"),
        >= 1e6 => string.Create(CultureInfo.InvariantCulture, $"{eventsPerSecond / 1e6:F1} M"),
        >= 1e3 => string.Create(CultureInfo.InvariantCulture, $"{eventsPerSecond / 1e3:F1} k"),
        _ => eventsPerSecond.ToString("F0", CultureInfo.InvariantCulture),
    };

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        ArgumentNullException.ThrowIfNull(summary);
        double? meanNanoseconds = summary[benchmarkCase]?.ResultStatistics?.Mean;
        return meanNanoseconds is > 0 ? Format(1e9 / meanNanoseconds.Value) : "NA";
    }

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    /// <inheritdoc/>
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc/>
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}

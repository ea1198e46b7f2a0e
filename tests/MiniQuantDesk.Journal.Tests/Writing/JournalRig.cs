using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Market.Calendar;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Pipeline;
using MiniQuantDesk.Engine.Risk;
using MiniQuantDesk.Engine.Strategy.Builtin;
using MiniQuantDesk.Journal.Writing;
using Npgsql;

namespace MiniQuantDesk.Journal.Tests.Writing;

/// <summary>What the journal tests share: a run row, an sma-cross engine on synthetic daily bars, a writer for the
/// run, and queries that read the journal back from another connection.</summary>
internal static class JournalRig
{
    public const int Engine = 1;
    public const string SymbolText = "SPY";
    public static readonly SymbolId Symbol = new(1);
    public static readonly DateOnly FirstDay = new(2021, 1, 4);

    /// <summary>Creates a run row (state CREATED) and returns its id and number.</summary>
    public static (Guid RunId, long RunNumber) CreateRun(string database)
    {
        var runId = Guid.NewGuid();
        using var connection = new NpgsqlConnection(database);
        connection.Open();
        using var command = new NpgsqlCommand(
            "INSERT INTO runs (run_id, engine_id, mode, state, created_at) VALUES ($1, $2, 'PAPER', 'CREATED', $3) RETURNING run_number",
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = runId });
        command.Parameters.Add(new NpgsqlParameter { Value = "1" });
        command.Parameters.Add(new NpgsqlParameter { Value = new DateTime(2021, 1, 1, 0, 0, 0, DateTimeKind.Utc) });
        long number = (long)command.ExecuteScalar()!;
        return (runId, number);
    }

    public static JournalWriter Writer(string database, Guid runId, long runNumber, string? applicationName = null)
    {
        string connectionString = applicationName is null
            ? database
            : new NpgsqlConnectionStringBuilder(database) { ApplicationName = applicationName }.ConnectionString;
        return new JournalWriter(new JournalWriterOptions
        {
            ConnectionString = connectionString,
            RunId = runId,
            RunNumber = runNumber,
            EngineId = Engine,
            SymbolName = id => id == Symbol ? SymbolText : throw new ArgumentOutOfRangeException(nameof(id), id.Value, "unknown symbol"),
        });
    }

    public static EngineSpec Spec(long runNumber) => new()
    {
        EngineId = Engine,
        RunId = runNumber,
        Strategy = () => new SmaCrossStrategy(2, 5, 100, symbolCapacity: 8),
        InitialCash = new Money(1_000_000 * Micros.PerUnit),
        AllocationCap = new Money(10_000_000 * Micros.PerUnit),
        SymbolCapacity = 8,
        Risk = new RiskLimits { PatternDayTraderRule = false },
        OrderCapacity = 4096,
        FillCapacity = 4096,
    };

    public static TradingPipeline Pipeline(long runNumber, PipelineDriver driver, params Ring.Processing.IValueEventHandler<PipelineEvent>[] downstream) =>
        Pipeline(Spec(runNumber), driver, downstream);

    public static TradingPipeline Pipeline(EngineSpec spec, PipelineDriver driver, params Ring.Processing.IValueEventHandler<PipelineEvent>[] downstream) =>
        TradingPipeline.Create(new TradingPipelineOptions
        {
            Engines = [spec],
            Driver = driver,
            Downstream = downstream,
            RingSize = 4096,
            WaitStrategy = static () => new Ring.WaitStrategies.BlockingWaitStrategy(),
        });

    /// <summary>The trading day <paramref name="index"/> sessions after <see cref="FirstDay"/>.</summary>
    public static DateOnly Day(int index)
    {
        DateOnly day = FirstDay;
        for (int i = 0; i < index; i++)
        {
            day = NyseCalendar.Default.NextTradingDay(day);
        }

        return day;
    }

    /// <summary>A daily bar on day <paramref name="index"/> closing at <paramref name="closeMicros"/>.</summary>
    public static Bar DailyBar(int index, long closeMicros)
    {
        DateOnly day = Day(index);
        return new Bar
        {
            Symbol = Symbol,
            Timeframe = Timeframe.Daily,
            StartNs = NyseCalendar.Default.SessionOpenNs(day),
            EndNs = NyseCalendar.Default.SessionCloseNs(day),
            Open = new Price(closeMicros),
            High = new Price(closeMicros + (closeMicros / 100)),
            Low = new Price(closeMicros - (closeMicros / 100)),
            Close = new Price(closeMicros),
            Volume = 1_000_000,
            IsComplete = true,
        };
    }

    /// <summary>Bar <paramref name="index"/> of a wave that makes the averages cross every few bars.</summary>
    public static Bar WaveBar(int index)
    {
        return DailyBar(index, (100 * Micros.PerUnit) + (long)(10 * Micros.PerUnit * Math.Sin(index / 2.5)));
    }

    /// <summary>Arms the engine (reconcile clean first) just before the first bar.</summary>
    public static void Arm(TradingPipeline pipeline)
    {
        long at = NyseCalendar.Default.SessionOpenNs(FirstDay) - 1_000_000_000;
        pipeline.PublishControl(Engine, at, ControlKind.ReconcileClean);
        pipeline.PublishControl(Engine, at, ControlKind.Arm);
    }

    public static List<string> Outbox(string database, Guid runId) =>
        Rows(database, "SELECT seq || ' ' || client_order_id || ' ' || symbol || ' ' || side || ' ' || quantity || ' ' || state FROM outbox WHERE run_id = $1 ORDER BY id", runId);

    public static List<string> Inbox(string database, Guid runId) =>
        Rows(database, "SELECT seq || ' ' || broker_message_id || ' ' || kind || ' ' || coalesce(broker_fill_id, '-') || ' ' || coalesce(client_order_id, '-') || ' ' || applied FROM inbox WHERE run_id = $1 ORDER BY id", runId);

    public static List<string> Rows(string database, string sql, params object[] values)
    {
        using var connection = new NpgsqlConnection(database);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        foreach (object value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        var rows = new List<string>();
        using NpgsqlDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(reader.IsDBNull(0) ? "null" : Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return rows;
    }

    /// <summary>Ends the writer's server session from another connection, as a crash or a restart of the server would.</summary>
    public static void Terminate(string database, string applicationName)
    {
        List<string> ended = Rows(
            database,
            "SELECT pg_terminate_backend(pid)::text FROM pg_stat_activity WHERE application_name = $1",
            applicationName);
        Assert.Equal(["true"], ended);
    }
}

using System.Text.RegularExpressions;
using MiniQuantDesk.Cli.Tests.Support;
using MiniQuantDesk.Journal.Postgres;

namespace MiniQuantDesk.Cli.Tests.Run;

/// <summary>
/// <c>mqd run …</c> in-process against a real database named by MQK_DATABASE_URL: the lifecycle through the command
/// line, its refusals (exit 1 with the reason) and its usage errors (exit 2). Each test uses an engine of its own.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed partial class RunCommandTests : IClassFixture<RunDatabase>, IDisposable
{
    private static int _nextEngine = 100;
    private readonly string? _previousUrl = Environment.GetEnvironmentVariable(DatabaseLocator.DatabaseUrlVariable);

    public RunCommandTests(RunDatabase database) =>
        // The console collection runs alone, so the process-wide variable is this test's for its duration.
        Environment.SetEnvironmentVariable(DatabaseLocator.DatabaseUrlVariable, database.Url);

    [Fact]
    public void Create_arm_start_stop_walk_the_lifecycle_by_number_or_uuid_and_status_shows_each_state()
    {
        string engine = NewEngine();
        (string uuid, string number) = Create("--engine", engine, "--mode", "LIVE");

        Transition("arm", number).Has($"run {number} ({uuid}, engine {engine}, LIVE, ARMED)", $"engine {engine}: ARMED");
        Transition("start", uuid).Has("RUNNING)", $"engine {engine}: ARMED");
        MqdRun status = Mqd.Run("run", "status", number);
        status.AssertSucceeded();
        Assert.Matches($@"{uuid}\s+{number}\s+{engine}\s+LIVE\s+RUNNING\s+\d{{4}}-\d\d-\d\dT", status.Out);
        Assert.Matches($@"(?m)^{engine}\s+ARMED\s", status.Out);

        Transition("stop", number).Has("STOPPED)", $"engine {engine}: DISARMED (stop: run {number} stopped");
    }

    [Fact]
    public void Halt_is_sticky_until_clear_and_status_lists_the_reason_the_note_and_the_disarmed_engine()
    {
        string engine = NewEngine();
        (string uuid, string number) = Create("--engine", engine);
        Transition("arm", number);

        Transition("halt", number, "--reason", "broker looks wrong").Has("HALTED)", $"engine {engine}: DISARMED (operator: broker looks wrong)");
        Mqd.Run("run", "start", uuid).AssertRefused($"run {number}", "cannot start a run that is HALTED", "mqd run clear");
        Transition("clear", uuid, "--note", "checked the broker: flat").Has("STOPPED)");

        MqdRun all = Mqd.Run("run", "status");
        all.AssertSucceeded();
        Assert.Matches($@"{uuid}\s+{number}\s+{engine}\s+PAPER\s+STOPPED\s+-\s+operator: broker looks wrong \[cleared: checked the broker: flat\]", all.Out);
        Assert.Matches($@"(?m)^{engine}\s+DISARMED\s+\S+\s+operator: broker looks wrong$", all.Out);
    }

    [Fact]
    public void A_refused_transition_exits_1_naming_the_state_and_what_is_allowed()
    {
        (_, string number) = Create("--engine", NewEngine());

        Mqd.Run("run", "start", number).AssertRefused($"run {number}", "cannot start a run that is CREATED", "arm, stop, halt");
        Mqd.Run("run", "clear", number, "--note", "nothing to clear").AssertRefused("cannot clear a run that is CREATED");
    }

    [Fact]
    public void A_second_live_run_of_an_engine_is_refused_naming_the_active_one()
    {
        string engine = NewEngine();
        (string first, _) = Create("--engine", engine, "--mode", "live");
        (_, string second) = Create("--engine", engine, "--mode", "LIVE");
        Transition("arm", first);

        Mqd.Run("run", "arm", second).AssertRefused("already has an active LIVE run", first);
    }

    [Fact]
    public void An_unknown_run_exits_1()
    {
        Mqd.Run("run", "status", "4000000000").AssertRefused("run 4000000000: no such run");
        Mqd.Run("run", "arm", Guid.NewGuid().ToString()).AssertRefused("no such run");
    }

    [Theory]
    [InlineData("run arm not-a-run", "'not-a-run' is not a run")]
    [InlineData("run arm 0", "'0' is not a run")]
    [InlineData("run arm", "RUN")]
    [InlineData("run halt 1", "--reason")]
    [InlineData("run clear 1", "--note")]
    [InlineData("run create", "--engine")]
    [InlineData("run create --engine 0", "--engine 0 is out of range")]
    [InlineData("run create --engine 1 --mode DEMO", "DEMO")]
    public void Usage_errors_exit_2_naming_what_is_wrong(string command, string fragment)
    {
        Mqd.Run(command.Split(' ')).AssertUsageError(fragment);
    }

    [Theory]
    [InlineData("run", "create arm start stop halt clear status MQK_DATABASE_URL")]
    [InlineData("run create", "--engine --mode")]
    [InlineData("run arm", "<RUN>")]
    [InlineData("run start", "<RUN>")]
    [InlineData("run stop", "<RUN>")]
    [InlineData("run halt", "<RUN> --reason")]
    [InlineData("run clear", "<RUN> --note")]
    [InlineData("run status", "<RUN>")]
    public void Every_run_command_help_exits_0_and_lists_its_arguments(string command, string expected)
    {
        MqdRun run = Mqd.Run([.. command.Split(' '), "--help"]);

        run.AssertSucceeded();
        foreach (string fragment in expected.Split(' '))
        {
            Assert.True(run.Out.Contains(fragment, StringComparison.Ordinal), $"help of {command} does not list {fragment}.\n{run}");
        }
    }

    public void Dispose() => Environment.SetEnvironmentVariable(DatabaseLocator.DatabaseUrlVariable, _previousUrl);

    private static (string Uuid, string Number) Create(params string[] options)
    {
        MqdRun run = Mqd.Run(["run", "create", .. options]);
        run.AssertSucceeded();
        Match created = CreatedLine().Match(run.Out);
        Assert.True(created.Success, run.ToString());
        return (created.Groups["uuid"].Value, created.Groups["number"].Value);
    }

    private static MqdRun Transition(params string[] args)
    {
        MqdRun run = Mqd.Run(["run", .. args]);
        run.AssertSucceeded();
        return run;
    }

    private static string NewEngine() => Interlocked.Increment(ref _nextEngine).ToString(System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"created run (?<number>[0-9]+) \((?<uuid>[0-9a-f-]{36})\) of engine")]
    private static partial Regex CreatedLine();
}

namespace MiniQuantDesk.Cli.Tests.Support;

/// <summary>
/// The tests that run <c>mqd</c> in-process through <see cref="Program.Main"/>. They redirect the process-wide
/// console, so they run one at a time, apart from every other test; they share one copy of the sample data.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection : ICollectionFixture<SampleDataFixture>
{
    public const string Name = "mqd on the console";
}

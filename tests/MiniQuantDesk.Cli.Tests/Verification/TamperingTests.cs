using FsCheck;
using FsCheck.Fluent;
using MiniQuantDesk.Backtest.Workflow;
using MiniQuantDesk.Cli.Tests.Support;

namespace MiniQuantDesk.Cli.Tests.Verification;

/// <summary>Any change to a run after the fact — an artifact edited, deleted or added, or an input changed — makes
/// <c>mqd verify</c> fail (exit 1), naming what changed.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class TamperingTests(StressedRunFixture pristine, SampleDataFixture sample) : IClassFixture<StressedRunFixture>, IDisposable
{
    public static readonly TheoryData<string> Artifacts = [.. RunFolder.Artifacts];

    private readonly TempFolder _temp = new();

    [Fact]
    public void The_untouched_copy_verifies()
    {
        string run = pristine.CopyInto(_temp);

        Mqd.Run("verify", run).AssertSucceeded();
    }

    [Theory]
    [MemberData(nameof(Artifacts))]
    public void Changing_one_byte_of_any_artifact_fails_verify_naming_that_file(string artifact)
    {
        string run = pristine.CopyInto(_temp);
        RunFolder.FlipOneByte(Path.Combine(run, artifact));

        MqdRun verify = Mqd.Run("verify", run);

        Assert.True(verify.ExitCode == 1, verify.ToString());
        Assert.Contains($"NOT VERIFIED {run}: {artifact}: SHA-256 differs", verify.Out, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Artifacts))]
    public void Deleting_any_artifact_fails_verify_naming_that_file(string artifact)
    {
        string run = pristine.CopyInto(_temp);
        File.Delete(Path.Combine(run, artifact));

        MqdRun verify = Mqd.Run("verify", run);

        Assert.True(verify.ExitCode == 1, verify.ToString());
        Assert.Contains($"NOT VERIFIED {run}: {artifact}: missing", verify.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Adding_a_file_to_a_run_fails_verify_naming_it()
    {
        string run = pristine.CopyInto(_temp);
        File.WriteAllText(Path.Combine(run, "extra.csv"), "a,b\n");

        MqdRun verify = Mqd.Run("verify", run);

        Assert.True(verify.ExitCode == 1, verify.ToString());
        Assert.Contains($"NOT VERIFIED {run}: extra.csv: not listed", verify.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Changing_the_input_data_after_the_run_fails_verify_naming_the_input()
    {
        string data = _temp.Copy(sample.Daily);
        string actions = _temp.Copy(sample.Actions);
        string run = _temp.Sub("run");
        Mqd.Run("backtest", "--data", data, "--corporate-actions", actions, "--corporate-actions-mode", "apply", "--out", run).AssertSucceeded();
        RunFolder.FlipOneByte(data);

        MqdRun verify = Mqd.Run("verify", run);

        Assert.True(verify.ExitCode == 1, verify.ToString());
        Assert.Contains($"input {data}: SHA-256 differs", verify.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Deleting_the_corporate_actions_input_after_the_run_fails_verify_naming_it()
    {
        string data = _temp.Copy(sample.Daily);
        string actions = _temp.Copy(sample.Actions);
        string run = _temp.Sub("run");
        Mqd.Run("backtest", "--data", data, "--corporate-actions", actions, "--corporate-actions-mode", "apply", "--out", run).AssertSucceeded();
        File.Delete(actions);

        MqdRun verify = Mqd.Run("verify", run);

        Assert.True(verify.ExitCode == 1, verify.ToString());
        Assert.Contains($"input {actions}: missing", verify.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Any_single_byte_change_anywhere_in_any_artifact_is_found_and_named()
    {
        string run = pristine.CopyInto(_temp);
        Gen<(string File, double At, int Mask)> changes =
            from file in Gen.Elements(RunFolder.Artifacts)
            from at in Gen.Choose(0, 1_000_000).Select(n => n / 1_000_001.0)
            from mask in Gen.Choose(1, 255)
            select (file, at, mask);

        Prop.ForAll(changes.ToArbitrary(), change =>
        {
            string path = Path.Combine(run, change.File);
            byte[] original = File.ReadAllBytes(path);
            byte[] changed = (byte[])original.Clone();
            changed[(int)(change.At * changed.Length)] ^= (byte)change.Mask;
            File.WriteAllBytes(path, changed);
            try
            {
                VerifyOutcome outcome = RunVerifier.Verify(run, null);
                return !outcome.HashesIntact && outcome.Evidence.StartsWith(change.File + ":", StringComparison.Ordinal);
            }
            finally
            {
                File.WriteAllBytes(path, original);
            }
        }).QuickCheckThrowOnFailure();
    }

    public void Dispose() => _temp.Dispose();
}

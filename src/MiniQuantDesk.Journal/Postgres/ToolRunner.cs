using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace MiniQuantDesk.Journal.Postgres;

/// <summary>
/// Runs the PostgreSQL tools, as the <c>postgres</c> OS user when this process is root (the server refuses to run
/// as root), and collects their output for error messages.
/// </summary>
internal sealed class ToolRunner
{
    /// <summary>The OS user that owns and runs the cluster when this process is root.</summary>
    public const string ServerUser = "postgres";

    private readonly TimeSpan _timeout;

    public ToolRunner(TimeSpan timeout)
    {
        _timeout = timeout;
        RunAsServerUser = Environment.IsPrivilegedProcess;
    }

    /// <summary>True when this process is root, so the tools run through <c>runuser -u postgres</c>.</summary>
    public bool RunAsServerUser { get; }

    /// <summary>Runs a tool and returns its output; a non-zero exit throws with that output.</summary>
    public async Task<string> RunAsync(string program, IReadOnlyList<string> arguments, string workingDirectory, CancellationToken cancellationToken)
    {
        (int exitCode, string text) = await TryRunAsync(program, arguments, workingDirectory, cancellationToken).ConfigureAwait(false);
        if (exitCode != 0)
        {
            throw new EmbeddedPostgresException(string.Create(
                CultureInfo.InvariantCulture,
                $"{Path.GetFileName(program)} {string.Join(' ', arguments)} failed (exit {exitCode}): {text}"));
        }

        return text;
    }

    /// <summary>Runs a tool and returns its exit code and output.</summary>
    public async Task<(int ExitCode, string Output)> TryRunAsync(string program, IReadOnlyList<string> arguments, string workingDirectory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The server user may not be able to enter the caller's folder (root's home, say).
            WorkingDirectory = workingDirectory,
        };
        if (RunAsServerUser)
        {
            start.FileName = "runuser";
            foreach (string prefix in new[] { "-u", ServerUser, "--", program })
            {
                start.ArgumentList.Add(prefix);
            }
        }
        else
        {
            start.FileName = program;
        }

        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Messages in English and C collation whatever the caller's locale, so errors read the same everywhere.
        start.Environment["LC_ALL"] = "C";
        start.Environment["LANG"] = "C";

        using var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        process.OutputDataReceived += (_, line) => Append(output, line.Data);
        process.ErrorDataReceived += (_, line) => Append(output, line.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new EmbeddedPostgresException($"could not run {start.FileName}: {exception.Message}", exception);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout + TimeSpan.FromSeconds(10));
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        string text;
        lock (output)
        {
            text = output.ToString().Trim();
        }

        return (process.ExitCode, text);
    }

    /// <summary>Gives <paramref name="directory"/> to the server user, when the tools run as that user.</summary>
    public async Task GiveToServerUserAsync(string directory, CancellationToken cancellationToken)
    {
        if (!RunAsServerUser)
        {
            return;
        }

        await RequireReachableByServerUserAsync(directory, cancellationToken).ConfigureAwait(false);
        var start = new ProcessStartInfo("chown") { UseShellExecute = false, RedirectStandardError = true };
        start.ArgumentList.Add("-R");
        start.ArgumentList.Add(ServerUser + ":");
        start.ArgumentList.Add(directory);
        using Process process = Process.Start(start) ?? throw new EmbeddedPostgresException("could not run chown");
        string error = await process.StandardError.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new EmbeddedPostgresException(
                $"could not give {directory} to the '{ServerUser}' OS user (chown): {error.Trim()}; running as root, " +
                $"the embedded cluster runs as '{ServerUser}' (created by apt-get install postgresql).");
        }
    }

    /// <summary>
    /// The server user must be able to enter every folder above its data folder; a clone under /root (mode 700) is
    /// not. initdb would only say "Permission denied", so name the folder and the ways out instead.
    /// </summary>
    private static async Task RequireReachableByServerUserAsync(string directory, CancellationToken cancellationToken)
    {
        var ancestors = new List<string>();
        for (DirectoryInfo? folder = new DirectoryInfo(directory).Parent; folder is not null; folder = folder.Parent)
        {
            ancestors.Add(folder.FullName);
        }

        ancestors.Reverse();
        foreach (string ancestor in ancestors)
        {
            var test = new ProcessStartInfo("runuser") { UseShellExecute = false, RedirectStandardError = true };
            foreach (string argument in new[] { "-u", ServerUser, "--", "test", "-x", ancestor })
            {
                test.ArgumentList.Add(argument);
            }

            using Process process = Process.Start(test) ?? throw new EmbeddedPostgresException("could not run runuser");
            await process.StandardError.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                throw new EmbeddedPostgresException(
                    $"the embedded cluster runs as the '{ServerUser}' OS user (this program runs as root), and that user " +
                    $"cannot enter {ancestor}, which holds its data folder {directory}. Run from a folder every user can " +
                    $"enter, allow it with `chmod o+x {ancestor}`, or set MQK_DATABASE_URL to a PostgreSQL server of your own.");
            }
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}

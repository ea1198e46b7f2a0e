using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Npgsql;

namespace MiniQuantDesk.Journal.Postgres;

/// <summary>
/// A private PostgreSQL cluster run from the machine's server binaries (initdb + pg_ctl): its own data folder, a free
/// loopback port, trust authentication for 127.0.0.1 only and no Unix socket. Run as root, it runs as the
/// <c>postgres</c> OS user, which owns the data folder. Dispose stops it (pg_ctl stop -m fast) and deletes a
/// temporary data folder.
/// </summary>
public sealed partial class EmbeddedPostgres : IAsyncDisposable, IDisposable
{
    /// <summary>The superuser initdb creates; trust authentication means it needs no password.</summary>
    public const string Superuser = "postgres";

    private const string LogFileName = "mqd-server.log";
    private const int StartAttempts = 3;

    private readonly ToolRunner _tools;
    private readonly string? _temporaryRoot;
    private int _disposed;

    private EmbeddedPostgres(ToolRunner tools, PostgresBinaries binaries, string dataDirectory, string? temporaryRoot, int port)
    {
        _tools = tools;
        Binaries = binaries;
        DataDirectory = dataDirectory;
        _temporaryRoot = temporaryRoot;
        Port = port;
        ConnectionString = ConnectionStringFor(Superuser);
        string versionFile = Path.Combine(dataDirectory, "PG_VERSION");
        Version = File.Exists(versionFile) ? File.ReadAllText(versionFile).Trim() : "?";
    }

    /// <summary>The server binaries in use.</summary>
    public PostgresBinaries Binaries { get; }

    /// <summary>The cluster's data folder.</summary>
    public string DataDirectory { get; }

    /// <summary>The loopback port the server listens on (127.0.0.1).</summary>
    public int Port { get; }

    /// <summary>The cluster's major version (its PG_VERSION).</summary>
    public string Version { get; }

    /// <summary>A connection string to the cluster's <c>postgres</c> database as the superuser.</summary>
    public string ConnectionString { get; }

    /// <summary>
    /// Creates the cluster (when its data folder holds none yet) and starts it, waiting until it accepts connections.
    /// </summary>
    /// <exception cref="PostgresBinariesNotFoundException">No initdb/pg_ctl were found.</exception>
    /// <exception cref="EmbeddedPostgresException">initdb or pg_ctl failed; the message carries their output.</exception>
    public static async Task<EmbeddedPostgres> StartAsync(EmbeddedPostgresOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmbeddedPostgresOptions();
        PostgresBinaries binaries = PostgresBinaries.Locate(options.SearchDirectories ?? PostgresBinaries.DefaultSearchDirectories());
        var tools = new ToolRunner(options.Timeout);

        string? temporaryRoot = null;
        string dataDirectory;
        if (options.DataDirectory is null)
        {
            temporaryRoot = Path.Combine(Path.GetTempPath(), "mqd-pg-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(temporaryRoot);
            dataDirectory = Path.Combine(temporaryRoot, "data");
        }
        else
        {
            dataDirectory = Path.GetFullPath(options.DataDirectory);
        }

        try
        {
            if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
            {
                await InitializeAsync(tools, binaries, dataDirectory, options.Durable, cancellationToken).ConfigureAwait(false);
            }

            else
            {
                await StopOrphanedServerAsync(tools, binaries, dataDirectory, cancellationToken).ConfigureAwait(false);
            }

            int port = await StartServerAsync(tools, binaries, dataDirectory, options, cancellationToken).ConfigureAwait(false);
            return new EmbeddedPostgres(tools, binaries, dataDirectory, temporaryRoot, port);
        }
        catch
        {
            if (temporaryRoot is not null)
            {
                DeleteQuietly(temporaryRoot);
            }

            throw;
        }
    }

    /// <summary>A connection string to <paramref name="database"/> on this cluster, as the superuser.</summary>
    public string ConnectionStringFor(string database)
    {
        ArgumentException.ThrowIfNullOrEmpty(database);
        return new NpgsqlConnectionStringBuilder
        {
            Host = IPAddress.Loopback.ToString(),
            Port = Port,
            Username = Superuser,
            Database = database,
            IncludeErrorDetail = true,
        }.ConnectionString;
    }

    /// <summary>Creates an empty database (tests use one per test class) and returns a connection string to it.</summary>
    /// <param name="name">Lower-case letters, digits and underscores, starting with a letter or underscore.</param>
    /// <param name="cancellationToken">Cancels the creation.</param>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!DatabaseName().IsMatch(name))
        {
            throw new ArgumentException($"'{name}' is not a plain database name (lower-case letters, digits, underscores; at most 63)", nameof(name));
        }

        var connection = new NpgsqlConnection(ConnectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            // The name is checked against a strict pattern above; CREATE DATABASE takes no parameters.
            var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await using (command.ConfigureAwait(false))
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return ConnectionStringFor(name);
    }

    /// <summary>Stops the server (fast shutdown) and deletes a temporary data folder.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // Pooled idle connections would only see a terminated backend later; drop them now.
        NpgsqlConnection.ClearAllPools();
        try
        {
            (int exitCode, string output) = await _tools.TryRunAsync(
                Binaries.PgCtl, ["stop", "-D", DataDirectory, "-m", "fast", "-w"], WorkingDirectoryFor(DataDirectory), CancellationToken.None)
                .ConfigureAwait(false);
            // Exit 1 with no postmaster.pid means the server is already gone (stopped by a later launcher on the
            // same data folder); anything else is a server we could not stop.
            if (exitCode != 0 && File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
            {
                throw new EmbeddedPostgresException($"pg_ctl stop -D {DataDirectory} failed (exit {exitCode.ToString(CultureInfo.InvariantCulture)}): {output}");
            }
        }
        finally
        {
            if (_temporaryRoot is not null)
            {
                DeleteQuietly(_temporaryRoot);
            }
        }
    }

    /// <summary>Same as <see cref="DisposeAsync"/>, blocking.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private static async Task InitializeAsync(ToolRunner tools, PostgresBinaries binaries, string dataDirectory, bool durable, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dataDirectory);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(dataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        await tools.GiveToServerUserAsync(dataDirectory, cancellationToken).ConfigureAwait(false);
        var arguments = new List<string>
        {
            "-D", dataDirectory, "-U", Superuser, "--auth=trust", "--encoding=UTF8", "--locale=C",
        };
        if (!durable)
        {
            arguments.Add("--no-sync");
        }

        await tools.RunAsync(binaries.InitDb, arguments, WorkingDirectoryFor(dataDirectory), cancellationToken).ConfigureAwait(false);

        // initdb trusts every local connection; keep only TCP from 127.0.0.1 (the server has no Unix socket).
        // Rewriting the existing file keeps its owner (the server user).
        await File.WriteAllTextAsync(
            Path.Combine(dataDirectory, "pg_hba.conf"),
            "# Written by MiniQuantDesk's embedded launcher: trust on loopback only.\nhost all all 127.0.0.1/32 trust\n",
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A server still running on a kept data folder was left by a launcher that could not stop it (a killed process);
    /// its port is unknown to us, so stop it and start afresh.
    /// </summary>
    private static async Task StopOrphanedServerAsync(ToolRunner tools, PostgresBinaries binaries, string dataDirectory, CancellationToken cancellationToken)
    {
        (int exitCode, _) = await tools.TryRunAsync(binaries.PgCtl, ["status", "-D", dataDirectory], WorkingDirectoryFor(dataDirectory), cancellationToken)
            .ConfigureAwait(false);
        if (exitCode == 0)
        {
            await tools.RunAsync(binaries.PgCtl, ["stop", "-D", dataDirectory, "-m", "fast", "-w"], WorkingDirectoryFor(dataDirectory), cancellationToken)
                .ConfigureAwait(false);
        }
    }

    private static async Task<int> StartServerAsync(ToolRunner tools, PostgresBinaries binaries, string dataDirectory, EmbeddedPostgresOptions options, CancellationToken cancellationToken)
    {
        string logFile = Path.Combine(dataDirectory, LogFileName);
        for (int attempt = 1; ; attempt++)
        {
            int port = FreeLoopbackPort();
            // pg_ctl hands -o to the server through a shell, hence the quoted empty socket folder list.
            string serverOptions = string.Create(
                CultureInfo.InvariantCulture,
                $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''");
            if (!options.Durable)
            {
                serverOptions += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
            }

            try
            {
                await tools.RunAsync(
                    binaries.PgCtl,
                    ["start", "-D", dataDirectory, "-w", "-t", ((int)options.Timeout.TotalSeconds).ToString(CultureInfo.InvariantCulture), "-l", logFile, "-o", serverOptions],
                    WorkingDirectoryFor(dataDirectory),
                    cancellationToken).ConfigureAwait(false);
                return port;
            }
            catch (EmbeddedPostgresException exception)
            {
                string log = LogTail(logFile);
                // Another process may take the port between probing and binding; that alone is worth a retry.
                if (attempt < StartAttempts && log.Contains("could not bind", StringComparison.Ordinal))
                {
                    continue;
                }

                throw new EmbeddedPostgresException($"{exception.Message}\nserver log ({logFile}):\n{log}", exception);
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    private static string LogTail(string logFile)
    {
        try
        {
            string[] lines = File.ReadAllLines(logFile);
            return string.Join('\n', lines.Skip(Math.Max(0, lines.Length - 20)));
        }
        catch (IOException)
        {
            return "(no server log)";
        }
        catch (UnauthorizedAccessException)
        {
            return "(server log unreadable)";
        }
    }

    // The tools run where the server user can enter, which the caller's folder may not be.
    private static string WorkingDirectoryFor(string dataDirectory) =>
        Path.GetDirectoryName(dataDirectory) ?? Path.GetTempPath();

    private static void DeleteQuietly(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Left behind in the temp folder; nothing depends on it.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex DatabaseName();
}

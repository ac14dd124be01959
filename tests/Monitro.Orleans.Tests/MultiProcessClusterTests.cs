using System.Diagnostics;
using System.Globalization;
using System.Text;
using Monitro.Samples.Cluster;
using Monitro.Storage.PostgreSql;
using Npgsql;
using Xunit.Abstractions;

namespace Monitro.Orleans.Tests;

/// <summary>
/// Three real silo processes (the cluster sample) against the real PostgreSQL clustering: the silo of the source lease
/// is killed with SIGKILL mid-ingest, and the end state is checked here, apart from the sample's own check.
/// </summary>
/// <remarks>
/// The sample's silos declare a dead silo after two missed probes of two seconds (Orleans' default is about 15 s),
/// so the lease moves within seconds. Loopback only, bounded by a hard timeout, and every process stops by itself.
/// </remarks>
public sealed class MultiProcessClusterTests(ITestOutputHelper output) : IAsyncLifetime
{
    // A part of the bundled posts (40 batches of 16) keeps the run short (under a minute on an idle machine). The
    // sample gives up by itself when nothing moves for 90 s; the bound stops everything on a machine far too busy.
    private const int Posts = 640;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(300);
    private readonly string _prefix = PostgresTestServer.NewSchema("cluster_test");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (PostgresTestServer.ConnectionString is not { } connection)
        {
            return;
        }

        await using var dataSource = NpgsqlDataSource.Create(connection);
        foreach (var schema in (string[])[_prefix + "_leases", .. ClusterSampleData.Tenants.Select(t => _prefix + "_" + t)])
        {
            await using var drop = dataSource.CreateCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE;");
            await drop.ExecuteNonQueryAsync();
        }
    }

    [SkippableFact]
    public async Task ThreeSiloProcesses_LeaseSiloKilledMidIngest_EveryMentionOnceOneAlertEachCheckpointAtTheEnd()
    {
        Skip.If(PostgresTestServer.SkipReason is not null, PostgresTestServer.SkipReason);
        var connection = PostgresTestServer.Require();

        var (exitCode, lines) = await RunSampleAsync(connection, "--kill-one", "--schema-prefix", _prefix, "--posts", Posts.ToString(CultureInfo.InvariantCulture), "--pause-ms", "30", "--timeout-seconds", "90");

        Assert.Equal(0, exitCode);
        var killed = lines.FindIndex(l => l.StartsWith("killed silo", StringComparison.Ordinal));
        Assert.True(killed >= 0, "no silo was killed mid-run");
        Assert.Contains(lines.Skip(killed), l => l.Contains("source lease started with epoch", StringComparison.Ordinal));

        // The end state, read here from the database: every expected mention once per (tenant, watch, post), one
        // alert per mention key, and the checkpoint at the source's end.
        var (posts, end) = await ClusterSampleData.ReadAllAsync(Posts, CancellationToken.None);
        await using var dataSource = NpgsqlDataSource.Create(connection);
        foreach (var (tenant, expected) in ClusterSampleData.Expected(posts))
        {
            var schema = $"\"{_prefix}_{tenant}\"";
            Assert.Equal(expected.Order(StringComparer.Ordinal), await ReadAsync(dataSource, $"SELECT id FROM {schema}.mentions ORDER BY id COLLATE \"C\";"));
            Assert.Equal(expected.Order(StringComparer.Ordinal), await ReadAsync(dataSource, $"SELECT idempotency_key FROM {schema}.alert_outbox WHERE kind = 'mention' ORDER BY idempotency_key COLLATE \"C\";"));

            // Besides, inbox items and person grains add their own events (item.*, relationship.*), each once by the
            // outbox's primary key; nothing else.
            Assert.Empty(await ReadAsync(dataSource, $"SELECT kind FROM {schema}.alert_outbox WHERE kind <> 'mention' AND kind NOT LIKE 'relationship.%' AND kind NOT LIKE 'item.%';"));
        }

        await using var leases = new PostgreSqlMonitroStore(new PostgreSqlStoreOptions { ConnectionString = connection, SchemaName = _prefix + "_leases" });
        Assert.Equal(end, await leases.GetCheckpointAsync(ClusterSampleData.SourceName));
    }

    private async Task<(int ExitCode, List<string> Lines)> RunSampleAsync(string connection, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(SamplePath());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["MONITRO_POSTGRES"] = connection;
        var lines = new List<string>();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("The cluster sample did not start.");
        DataReceivedEventHandler collect = (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (lines)
                {
                    lines.Add(e.Data);
                }
            }
        };
        process.OutputDataReceived += collect;
        process.ErrorDataReceived += collect;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var bound = new CancellationTokenSource(Bound);
        try
        {
            await process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Assert.Fail($"The cluster sample did not finish within {Bound.TotalSeconds} s:\n{Joined(lines)}");
        }

        process.WaitForExit();
        output.WriteLine(Joined(lines));
        lock (lines)
        {
            return (process.ExitCode, [.. lines]);
        }
    }

    private static string Joined(List<string> lines)
    {
        lock (lines)
        {
            return new StringBuilder().AppendJoin('\n', lines).ToString();
        }
    }

    private static async Task<List<string>> ReadAsync(NpgsqlDataSource dataSource, string sql)
    {
        var values = new List<string>();
        await using var command = dataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    // The sample's own build output (artifacts/bin/Monitro.Samples.Cluster/<configuration>), beside this test's.
    private static string SamplePath()
    {
        var testFolder = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var path = Path.Combine(testFolder.Parent!.Parent!.FullName, "Monitro.Samples.Cluster", testFolder.Name, "Monitro.Samples.Cluster.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build samples/Monitro.Samples.Cluster first.", path);
    }
}

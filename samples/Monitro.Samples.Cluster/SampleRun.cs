using System.Diagnostics;
using System.Globalization;
using Monitro.Orleans.PostgreSql;
using Monitro.Storage.PostgreSql;
using Npgsql;

namespace Monitro.Samples.Cluster;

/// <summary>
/// The sample itself: starts the silo processes, writes the watches of three tenants, prints one progress line a
/// second, kills the silo of the source lease mid-run when asked, and checks the end state against one plain
/// matcher per tenant: every expected mention stored once, one alert per mention, the checkpoint at the end.
/// </summary>
internal sealed class SampleRun(SampleSettings settings)
{
    private readonly Lock _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private SiloChild? _leaseHolder;
    private long _leaseEpoch;
    private TimeSpan _lastMove;

    public async Task<int> RunAsync()
    {
        var (posts, end) = await ClusterSampleData.ReadAllAsync(settings.LastLine, CancellationToken.None).ConfigureAwait(false);
        var expected = ClusterSampleData.Expected(posts);
        await PrepareAsync().ConfigureAwait(false);
        Console.WriteLine($"{posts.Count} posts, {ClusterSampleData.Tenants.Count} tenants, {expected.Values.Sum(e => e.Count)} expected mentions; starting {settings.Silos} silos");

        var clusterId = "sample-" + DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var silos = Enumerable.Range(1, settings.Silos).Select(i => SiloChild.Start(i, settings, clusterId, OnLine)).ToList();

        // While the silos start: the tenants' schemas, which the first batch would otherwise create.
        await Task.WhenAll(ClusterSampleData.Tenants.Select(MigrateTenantAsync)).ConfigureAwait(false);
        await using var leases = SchemaClusterStores.Open(settings, settings.LeaseSchema);
        var endLine = long.Parse(end.Value, CultureInfo.InvariantCulture);
        var killed = false;
        long previousLine = 0;
        Moved();
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
                var line = long.Parse((await leases.GetCheckpointAsync(ClusterSampleData.SourceName).ConfigureAwait(false))?.Value ?? "0", CultureInfo.InvariantCulture);
                var mentions = await CountAsync("mentions", CancellationToken.None).ConfigureAwait(false);
                if (line != previousLine)
                {
                    previousLine = line;
                    Moved();
                }
                var (holder, epoch) = Lease();
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"[{_clock.Elapsed.TotalSeconds,5:0}s] silos alive {silos.Count(s => s.IsRunning)}/{silos.Count}, lease on silo {holder?.Index.ToString(CultureInfo.InvariantCulture) ?? "-"} (epoch {epoch}), line {line}/{endLine}, mentions {string.Join(" ", mentions.Select(m => $"{m.Key}={m.Value}"))}"));

                if (line >= endLine)
                {
                    break;
                }

                if (Stalled())
                {
                    Console.WriteLine($"gave up: nothing moved (no silo joined, no lease started, no batch committed) for {settings.Timeout.TotalSeconds:0} s");
                    return 2;
                }

                if (settings.KillOne && !killed && holder is not null && line >= endLine / 4)
                {
                    holder.KillHard();
                    killed = true;
                    Console.WriteLine($"killed silo {holder.Index} (pid {holder.ProcessId}) with SIGKILL mid-run, at line {line} of {endLine}, lease epoch {epoch}");
                }
            }
        }
        finally
        {
            await Task.WhenAll(silos.Select(s => s.StopAsync(TimeSpan.FromSeconds(15)))).ConfigureAwait(false);
            silos.ForEach(s => s.Dispose());
        }

        return await CheckEndStateAsync(expected, end, leases).ConfigureAwait(false) ? 0 : 1;
    }

    // A fresh run: the sample's schemas are dropped, then the watches of every tenant are written to the registry.
    private async Task PrepareAsync()
    {
        await using (var dataSource = NpgsqlDataSource.Create(settings.ConnectionString))
        {
            foreach (var schema in settings.Schemas)
            {
                await using var drop = dataSource.CreateCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE;");
                await drop.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
        }

        await using var registry = new PostgreSqlTenantWatchRegistry(new PostgreSqlStoreOptions { ConnectionString = settings.ConnectionString, SchemaName = settings.LeaseSchema });
        foreach (var watch in ClusterSampleData.Watches())
        {
            await registry.SetAsync(watch.TenantId, watch.Watch).ConfigureAwait(false);
        }
    }

    private async Task MigrateTenantAsync(string tenantId)
    {
        await using var store = SchemaClusterStores.Open(settings, settings.TenantSchema(tenantId));
        await store.MigrateAsync().ConfigureAwait(false);
    }

    private async Task<bool> CheckEndStateAsync(Dictionary<string, HashSet<string>> expected, SourceCheckpoint end, PostgreSqlMonitroStore leases)
    {
        var ok = Equals(await leases.GetCheckpointAsync(ClusterSampleData.SourceName).ConfigureAwait(false), end);
        Console.WriteLine($"end state: checkpoint {(ok ? "at the source's end" : "NOT at the source's end")}");
        await using var dataSource = NpgsqlDataSource.Create(settings.ConnectionString);
        foreach (var (tenant, ids) in expected.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var stored = await ReadIdsAsync(dataSource, $"SELECT id FROM \"{settings.TenantSchema(tenant)}\".mentions;").ConfigureAwait(false);
            var alerts = await ReadIdsAsync(dataSource, $"SELECT idempotency_key FROM \"{settings.TenantSchema(tenant)}\".alert_outbox WHERE kind = 'mention';").ConfigureAwait(false);
            var same = stored.SetEquals(ids) && alerts.SetEquals(ids);
            ok &= same;
            Console.WriteLine($"end state: tenant {tenant}: {stored.Count} mentions stored, {alerts.Count} alerts, {ids.Count} expected: {(same ? "every one once" : "MISMATCH")}");
        }

        Console.WriteLine(ok ? "OK: nothing lost, nothing stored twice" : "FAILED: the end state is not the expected one");
        return ok;
    }

    // Ids are primary keys, so a set read from the table holds each row once; a row twice would be a different id.
    private static async Task<HashSet<string>> ReadIdsAsync(NpgsqlDataSource dataSource, string sql)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await using var command = dataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private async Task<Dictionary<string, long>> CountAsync(string table, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var dataSource = NpgsqlDataSource.Create(settings.ConnectionString);
        foreach (var tenant in ClusterSampleData.Tenants)
        {
            // A tenant's schema exists once a lease first wrote to it.
            await using var command = dataSource.CreateCommand(
                $"SELECT CASE WHEN to_regclass('\"{settings.TenantSchema(tenant)}\".{table}') IS NULL THEN 0 ELSE (SELECT count(*) FROM \"{settings.TenantSchema(tenant)}\".{table}) END;");
            try
            {
                counts[tenant] = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            }
            catch (PostgresException)
            {
                counts[tenant] = 0;
            }
        }

        return counts;
    }

    // Marks progress: a silo joined, a lease started or a batch was committed.
    private void Moved()
    {
        lock (_gate)
        {
            _lastMove = _clock.Elapsed;
        }
    }

    private bool Stalled()
    {
        lock (_gate)
        {
            return _clock.Elapsed - _lastMove > settings.Timeout;
        }
    }

    private (SiloChild? Holder, long Epoch) Lease()
    {
        lock (_gate)
        {
            return (_leaseHolder, _leaseEpoch);
        }
    }

    // Silos log "Source lease bundled started with epoch N": the newest epoch is the one that holds the source.
    private void OnLine(SiloChild silo, string line)
    {
        var at = line.IndexOf(SiloProcess.LeaseStartedMarker, StringComparison.Ordinal);
        if (at >= 0 && long.TryParse(line.AsSpan(at + SiloProcess.LeaseStartedMarker.Length).Trim(), CultureInfo.InvariantCulture, out var epoch))
        {
            lock (_gate)
            {
                if (epoch > _leaseEpoch)
                {
                    (_leaseHolder, _leaseEpoch, _lastMove) = (silo, epoch, _clock.Elapsed);
                }
            }

            Console.WriteLine($"silo {silo.Index}: source lease started with epoch {epoch}");
        }
        else if (line == SiloProcess.JoinedMarker)
        {
            Moved();
            Console.WriteLine($"silo {silo.Index} (pid {silo.ProcessId}) joined the cluster");
        }
        else if (line.Contains("crit:", StringComparison.Ordinal) || line.Contains("Unhandled", StringComparison.Ordinal)
            || (line.Contains(": Monitro.", StringComparison.Ordinal) && !line.StartsWith("info:", StringComparison.Ordinal)))
        {
            Console.WriteLine($"silo {silo.Index}: {line}");
        }
    }
}

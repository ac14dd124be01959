using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Monitro.Orleans;
using Monitro.Orleans.PostgreSql;
using Monitro.Storage.PostgreSql;
using Orleans.Configuration;

namespace Monitro.Samples.Cluster;

/// <summary>
/// One silo: joins the cluster through the membership table in PostgreSQL, holds the lease of the bundled source
/// or matcher shards as Orleans places them, and stops when its standard input closes (the sample closes it, and
/// so does the death of the sample).
/// </summary>
internal static class SiloProcess
{
    /// <summary>The lines a silo prints that the sample reads: the start of a source lease, with its epoch.</summary>
    public const string LeaseStartedMarker = "started with epoch";

    /// <summary>The line a silo prints once it has joined the cluster.</summary>
    public const string JoinedMarker = "joined the cluster";

    public static async Task<int> RunAsync(SampleSettings settings, IReadOnlyList<string> args)
    {
        var clusterId = SampleSettings.Option(args, "--cluster-id") ?? throw new ArgumentException("--cluster-id is missing.");
        var siloPort = int.Parse(SampleSettings.Option(args, "--port") ?? throw new ArgumentException("--port is missing."), CultureInfo.InvariantCulture);
        var gatewayPort = int.Parse(SampleSettings.Option(args, "--gateway-port") ?? throw new ArgumentException("--gateway-port is missing."), CultureInfo.InvariantCulture);

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(options => options.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Monitro", LogLevel.Information);

        var leases = new PostgreSqlStoreOptions { ConnectionString = settings.ConnectionString, SchemaName = settings.LeaseSchema };
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = clusterId;
                options.ServiceId = "monitro-cluster-sample";
            });

            // Loopback only: the three silos of the sample share this machine.
            silo.ConfigureEndpoints(IPAddress.Loopback, siloPort, gatewayPort);
            silo.UseMonitroPostgreSqlClustering(leases);

            // A killed silo is declared dead after two missed probes of two seconds (Orleans' defaults take about
            // 15 s), so that the sample and its test see the lease move within seconds.
            silo.Configure<ClusterMembershipOptions>(options =>
            {
                options.ProbeTimeout = TimeSpan.FromSeconds(2);
                options.NumMissedProbesLimit = 2;
                options.TableRefreshTimeout = TimeSpan.FromSeconds(2);
                options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
            });

            silo.AddMonitroOrleans(options =>
            {
                options.ShardCount = 8;
                options.LeaseKeepAlivePeriod = TimeSpan.FromSeconds(1);
            });
            silo.Services.AddSingleton<IMonitroClusterStores>(new SchemaClusterStores(settings));
            silo.Services.AddSingleton<ITenantWatchRegistry>(new PostgreSqlTenantWatchRegistry(leases));
            silo.Services.AddSingleton<IListeningSource>(ClusterSampleData.Source(settings.Pause, settings.LastLine));
        });

        using var host = builder.Build();
        await host.StartAsync().ConfigureAwait(false);
        Console.WriteLine(JoinedMarker);

        // Until the sample closes standard input (or dies, which closes it too).
        await Task.Run(() => Console.In.ReadToEnd()).ConfigureAwait(false);
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await host.StopAsync(stopping.Token).ConfigureAwait(false);
        return 0;
    }
}

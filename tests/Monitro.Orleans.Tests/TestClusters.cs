using Orleans.Runtime;
using Orleans.TestingHost;

namespace Monitro.Orleans.Tests;

/// <summary>Starting, stopping and polling the in-process clusters of the tests.</summary>
internal static class TestClusters
{
    /// <summary>Starts silos in this process, each configured the same.</summary>
    public static async Task<InProcessTestCluster> StartAsync(short silos, Action<ISiloBuilder> configure)
    {
        var builder = new InProcessTestClusterBuilder(silos);
        builder.ConfigureSilo((_, silo) => configure(silo));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    /// <summary>Stops every silo that is still running and disposes the cluster.</summary>
    public static async Task StopAsync(InProcessTestCluster? cluster)
    {
        if (cluster is not null)
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }

    /// <summary>Polls until the condition holds; a call that fails while the cluster notices a dead silo is tried again.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> condition, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                var value = await read();
                if (condition(value))
                {
                    return value;
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Orleans reports a call to a silo being declared dead as an error; the next poll reaches the new activation.
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>Finds the silo a grain reported as its own (its runtime identity).</summary>
    public static InProcessSiloHandle SiloOf(InProcessTestCluster cluster, string runtimeIdentity) =>
        cluster.Silos.Single(silo => runtimeIdentity.Contains(silo.SiloAddress.Endpoint.ToString(), StringComparison.Ordinal));

    /// <summary>Finds the silo that holds the activation of a grain, by its class name and a part of its key, from Orleans' own statistics.</summary>
    public static async Task<InProcessSiloHandle> SiloOfAsync(InProcessTestCluster cluster, string grainClass, string key)
    {
        var statistics = await cluster.Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        var address = statistics.Single(s => s.GrainId.ToString().Contains(key, StringComparison.Ordinal) && s.GrainType.Contains(grainClass, StringComparison.Ordinal)).SiloAddress;
        return cluster.Silos.Single(silo => silo.SiloAddress.Equals(address));
    }
}

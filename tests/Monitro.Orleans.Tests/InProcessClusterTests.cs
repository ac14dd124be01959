using Orleans.TestingHost;

namespace Monitro.Orleans.Tests;

/// <summary>
/// Starts an in-process cluster of <see cref="SiloCount"/> silos before each test and stops it after, then disposes
/// what the test class holds (its stores) once the silos are gone and nothing writes to them any more.
/// </summary>
public abstract class InProcessClusterTests : IAsyncLifetime, IDisposable
{
    private InProcessTestCluster? _cluster;

    /// <summary>Gets the running cluster.</summary>
    protected InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster starts in InitializeAsync.");

    /// <summary>Gets the number of silos to start.</summary>
    protected abstract short SiloCount { get; }

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(SiloCount);
        builder.ConfigureSilo((_, silo) => ConfigureSilo(silo));
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.StopAllSilosAsync();
            await _cluster.DisposeAsync();
        }
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Adds Monitro's grains and the test's stores, registry and sources to each silo.</summary>
    /// <param name="silo">The silo being built.</param>
    protected abstract void ConfigureSilo(ISiloBuilder silo);

    /// <summary>Disposes what the test class holds; called after <see cref="DisposeAsync"/>.</summary>
    /// <param name="disposing">Whether called from <see cref="Dispose()"/>.</param>
    protected abstract void Dispose(bool disposing);
}

using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Monitro.Benchmarks.Pipeline;
using Monitro.Orleans;
using Monitro.Orleans.Alerting;
using Monitro.Orleans.Leases;
using Orleans.TestingHost;

namespace Monitro.Benchmarks.ScaleOut;

/// <summary>
/// The same posts through the single-process pipeline (the baseline), through one in-process silo and through three:
/// normalize, match, enrich, relate and commit. In the clusters a lease loop drives the batches as the lease grain
/// does, calling the matcher shard and person grains through a cluster client, so every batch crosses the grain
/// boundary (serialization, scheduling) as it would between machines.
/// </summary>
/// <remarks>
/// All silos share this process and its two cores, so three silos measure the cost of the distribution, not the
/// gain of more machines. Posts get new ids at every run, so every run does the full work.
/// </remarks>
[MemoryDiagnoser]
public class ScaleOutBenchmarks : IDisposable
{
    private const int Posts = 2_000;
    private const int Watches = 10_000;
    private const int BatchSize = 100;
    private const int ShardCount = 4;

    private readonly ScaleOutWorkload _workload = new(Posts, Watches);
    private readonly BenchClusterStores _stores = new();
    private InProcessTestCluster? _oneSilo;
    private InProcessTestCluster? _threeSilos;

    /// <summary>Gets or sets the partitions of the pre-search index: 0 keeps the whole index in the lease, as before it was sharded.</summary>
    [Params(0, 16)]
    public int PreSearchPartitions { get; set; }

    [GlobalSetup(Target = nameof(OneSilo))]
    public async Task SetupOneSiloAsync() => _oneSilo = await StartAsync(1);

    [GlobalSetup(Target = nameof(ThreeSilos))]
    public async Task SetupThreeSilosAsync() => _threeSilos = await StartAsync(3);

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        foreach (var cluster in new[] { _oneSilo, _threeSilos })
        {
            if (cluster is not null)
            {
                await cluster.StopAllSilosAsync();
            }
        }

        Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Posts)]
    public Task<int> SingleProcess() => WholePipelineRun.ListenAsync(new InMemorySource("bench", _workload.NextRun(), BatchSize), _workload.Watches);

    [Benchmark(OperationsPerInvoke = Posts)]
    public Task<long> OneSilo() => RunLeaseAsync(_oneSilo!);

    [Benchmark(OperationsPerInvoke = Posts)]
    public Task<long> ThreeSilos() => RunLeaseAsync(_threeSilos!);

    public void Dispose()
    {
        _oneSilo?.Dispose();
        _threeSilos?.Dispose();
        _oneSilo = _threeSilos = null;
        GC.SuppressFinalize(this);
    }

    private async Task<long> RunLeaseAsync(InProcessTestCluster cluster)
    {
        var settings = new MonitroOrleansOptions { ShardCount = ShardCount, PreSearchPartitions = PreSearchPartitions };
        var work = LeaseWork.OnGrains(cluster.Client, settings, TenantAlertRules.Fixed(settings), new LexiconSentimentAnalyzer(), new RuleIntentDetector(), NullLogger.Instance);
        var source = new InMemorySource("bench-" + Guid.NewGuid().ToString("N"), _workload.NextRun(), BatchSize);
        var runner = new SourceLeaseRunner(source, _stores, _workload.Registry, work, TimeProvider.System, NullLogger.Instance);
        await runner.RunAsync(CancellationToken.None);
        return runner.Status.Batches;
    }

    private async Task<InProcessTestCluster> StartAsync(int silos)
    {
        var builder = new InProcessTestClusterBuilder((short)silos);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMonitroOrleans(options =>
            {
                options.ShardCount = ShardCount;
                options.PreSearchPartitions = PreSearchPartitions;
            });
            silo.Services.AddSingleton<IMonitroClusterStores>(_stores);
            silo.Services.AddSingleton<ITenantWatchRegistry>(_workload.Registry);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}

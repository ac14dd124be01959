using Microsoft.Extensions.DependencyInjection;

namespace Monitro.Orleans.Tests;

/// <summary>
/// A two-silo cluster reading <see cref="ConversationPosts"/>: its watches for both tenants, two matcher shards, a
/// short lease keep-alive, Acme's own account, the "first" replay source, and two stores (the cluster's, and one for
/// the single process the test compares with). Subclasses add their own tenant settings and services.
/// </summary>
public abstract class ConversationClusterTests : InProcessClusterTests
{
    /// <summary>Gets the stores the cluster writes.</summary>
    private protected TestClusterStores ClusterStores { get; } = new();

    /// <summary>Gets the stores the single process of the comparison writes.</summary>
    private protected TestClusterStores SingleStores { get; } = new();

    /// <summary>Gets the registry holding the conversations' watches.</summary>
    protected InMemoryTenantWatchRegistry Registry { get; } = new();

    protected override short SiloCount => 2;

    protected ConversationClusterTests()
    {
        foreach (var watch in ConversationPosts.Watches)
        {
            Registry.Set(watch.TenantId, watch.Watch);
        }
    }

    protected sealed override void ConfigureSilo(ISiloBuilder silo)
    {
        silo.AddMonitroOrleans(options =>
        {
            options.ShardCount = 2;
            options.LeaseKeepAlivePeriod = TimeSpan.FromMilliseconds(200);
            var acme = new MonitroTenantOptions();
            acme.OwnAccounts.Add(ConversationPosts.OwnAccount);
            ConfigureAcme(acme);
            options.Tenants[ConversationPosts.Acme] = acme;
        });
        silo.Services.AddSingleton<IMonitroClusterStores>(ClusterStores);
        silo.Services.AddSingleton<ITenantWatchRegistry>(Registry);
        silo.Services.AddSingleton<IListeningSource>(new ReplaySource("first", ConversationPosts.First));
        ConfigureServices(silo.Services);
    }

    /// <summary>Adds the test's own settings for Acme, beyond its own account.</summary>
    /// <param name="acme">Acme's tenant options.</param>
    protected virtual void ConfigureAcme(MonitroTenantOptions acme)
    {
    }

    /// <summary>Adds the test's own services to each silo.</summary>
    /// <param name="services">The silo's services.</param>
    protected abstract void ConfigureServices(IServiceCollection services);

    protected override void Dispose(bool disposing)
    {
        ClusterStores.Dispose();
        SingleStores.Dispose();
    }
}

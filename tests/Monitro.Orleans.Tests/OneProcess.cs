using Microsoft.Extensions.DependencyInjection;

namespace Monitro.Orleans.Tests;

/// <summary>The single-process baseline of the parity tests: one process for one tenant on its own store, reading the posts the cluster read.</summary>
internal static class OneProcess
{
    /// <summary>
    /// Runs one process for a tenant over the batches (Acme with its own account) and returns its relationships as of
    /// <see cref="ConversationPosts.AsOf"/>; the store stays for the next run, as a restart would find it.
    /// </summary>
    /// <param name="stores">Where the tenant's single-process store is.</param>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="sourceName">The source's name.</param>
    /// <param name="batches">The batches the source reads.</param>
    /// <param name="configure">Adds what the test gives the process (links, a CRM) after Monitro's defaults.</param>
    /// <param name="cancellationToken">A token that cancels the run.</param>
    public static async Task<List<RelationshipSnapshot>> RunAsync(TestClusterStores stores, string tenantId, string sourceName, IReadOnlyList<IReadOnlyList<Post>> batches, Action<IServiceCollection> configure, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        var monitro = services.AddMonitro(options =>
        {
            if (tenantId == ConversationPosts.Acme)
            {
                options.OwnAccounts.Add(ConversationPosts.OwnAccount);
            }
        });
        configure(services);
        monitro.UseStore(_ => stores.OpenAnother(tenantId), static _ => { }).AddSource(new ReplaySource(sourceName, batches));
        foreach (var watch in ConversationPosts.Watches.Where(w => w.TenantId == tenantId))
        {
            monitro.AddWatch(watch.Watch);
        }

        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<MentionMonitor>().RunAsync(cancellationToken);
        return [.. provider.GetRequiredService<IRelationshipScorer>().GetTop(1_000, ConversationPosts.AsOf)];
    }
}

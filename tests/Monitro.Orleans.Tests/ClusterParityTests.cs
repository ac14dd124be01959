using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Monitro.Storage.Sqlite;
using Xunit.Abstractions;

namespace Monitro.Orleans.Tests;

/// <summary>
/// The same conversations through one process and through a two-silo cluster end the same: posts kept, mentions,
/// interactions (our answers outbound, attributed to the person answered), inbox items and the answers that closed
/// them, identity links learnt from a verified domain and restored by a later reader, and each person's relationship.
/// </summary>
public sealed class ClusterParityTests : ConversationClusterTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(120);
    private readonly SemaphoreSlim _later = new(0);
    private readonly ITestOutputHelper _output;

    public ClusterParityTests(ITestOutputHelper output) => _output = output;

    protected override void ConfigureAcme(MonitroTenantOptions acme) => acme.LinkedIdentities.Add(ConversationPosts.KimLink);

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<IListeningSource>(new ReplaySource("later", ConversationPosts.Later, gate: _later));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _later.Dispose();
    }

    [Fact]
    public async Task Conversations_ThroughTheClusterAndOneProcess_EndTheSame()
    {
        using var bound = new CancellationTokenSource(Bound);
        var client = Cluster.Client;

        // One source, then (after it ended) another read by a new lease that knows only what the store kept.
        await WaitForAsync(() => client.GetGrain<ISourceLeaseGrain>("first").GetStatusAsync(), s => s.State == SourceLeaseState.Completed, bound.Token);
        var singleRelationships = await RunOneProcessAsync("first", ConversationPosts.First, bound.Token);
        await CompareAsync(singleRelationships, client, bound.Token);

        _later.Release(ConversationPosts.Later.Count);
        await WaitForAsync(() => client.GetGrain<ISourceLeaseGrain>("later").GetStatusAsync(), s => s.State == SourceLeaseState.Completed, bound.Token);
        singleRelationships = await RunOneProcessAsync("later", ConversationPosts.Later, bound.Token);
        var acme = await CompareAsync(singleRelationships, client, bound.Token);

        // What the comparison covered, so that an empty end state cannot pass: answers closed items, Sam's two
        // platforms are one person even for the later reader, Kim's configured link holds, Lea's complaint stays open.
        var items = await ItemsAsync(ClusterStores.Tenant(ConversationPosts.Acme));
        Assert.Contains(items, i => i.Contains("q1|Resolved|", StringComparison.Ordinal) && i.EndsWith("mastodon:a1", StringComparison.Ordinal));
        Assert.Contains(items, i => i.Contains("h1|Resolved|", StringComparison.Ordinal) && i.EndsWith("mastodon:a2", StringComparison.Ordinal));
        Assert.Contains(items, i => i.Contains("s3|Resolved|", StringComparison.Ordinal) && i.EndsWith("mastodon:a3", StringComparison.Ordinal));
        Assert.Contains(items, i => i.Contains("c1|New|", StringComparison.Ordinal));
        var sam = Assert.Single(acme, p => p.Contains("mastodon:sam@example.social", StringComparison.Ordinal));
        Assert.StartsWith("bluesky:sam.example.com|", sam, StringComparison.Ordinal);
        Assert.Contains("|in 3 out 1|", sam, StringComparison.Ordinal);
        Assert.Single(acme, p => p.StartsWith("bluesky:kim.bsky.social|", StringComparison.Ordinal) && p.Contains("mastodon:kim@example.social", StringComparison.Ordinal));
        Assert.Single(acme, p => p.StartsWith("mastodon:omar@example.social|", StringComparison.Ordinal) && p.Contains("|in 2 out 1|", StringComparison.Ordinal));
        Assert.DoesNotContain(acme, p => p.StartsWith(ConversationPosts.OwnAccount, StringComparison.Ordinal));
    }

    // Compares both tenants' stores and people; returns the Acme people as compared, for the checks of the test.
    private async Task<List<string>> CompareAsync(Dictionary<string, List<RelationshipSnapshot>> singleRelationships, IClusterClient client, CancellationToken cancellationToken)
    {
        List<string> acme = [];
        foreach (var tenantId in new[] { ConversationPosts.Acme, ConversationPosts.Globex })
        {
            var cluster = ClusterStores.Tenant(tenantId);
            using var single = SingleStores.OpenAnother(tenantId);
            Assert.Equal(await MentionIdsAsync(single), await MentionIdsAsync(cluster));
            Assert.Equal(await InteractionsAsync(single), await InteractionsAsync(cluster));
            Assert.Equal(await ItemsAsync(single), await ItemsAsync(cluster));

            var expected = singleRelationships[tenantId].Select(Describe).Order(StringComparer.Ordinal).ToList();
            var actual = new List<string>();
            foreach (var person in singleRelationships[tenantId])
            {
                var grain = client.GetGrain<IPersonGrain>(tenantId + "\u001f" + person.PersonId);
                var snapshot = await grain.GetRelationshipAsync(ConversationPosts.AsOf, [person.PersonId], cancellationToken);
                actual.Add(snapshot is null ? person.PersonId + ": none" : Describe(snapshot));
            }

            actual.Sort(StringComparer.Ordinal);
            foreach (var line in actual)
            {
                _output.WriteLine($"{tenantId}: {line}");
            }

            Assert.Equal(expected, actual);
            if (tenantId == ConversationPosts.Acme)
            {
                acme = actual;
            }
        }

        return acme;
    }

    // One process per tenant on its own store, reading the same posts; the store stays for the next run, as a restart would find it.
    private async Task<Dictionary<string, List<RelationshipSnapshot>>> RunOneProcessAsync(string sourceName, IReadOnlyList<IReadOnlyList<Post>> batches, CancellationToken cancellationToken)
    {
        var relationships = new Dictionary<string, List<RelationshipSnapshot>>(StringComparer.Ordinal);
        foreach (var tenantId in new[] { ConversationPosts.Acme, ConversationPosts.Globex })
        {
            relationships[tenantId] = await OneProcess.RunAsync(
                SingleStores,
                tenantId,
                sourceName,
                batches,
                services =>
                {
                    if (tenantId == ConversationPosts.Acme)
                    {
                        services.Configure<RelationshipOptions>(options => options.LinkedIdentities.Add(ConversationPosts.KimLink));
                    }
                },
                cancellationToken);
        }

        return relationships;
    }

    private static string Describe(RelationshipSnapshot s) => string.Create(
        CultureInfo.InvariantCulture,
        $"{s.PersonId}|{string.Join(",", s.Identities.Order(StringComparer.Ordinal))}|in {s.Inbound} out {s.Outbound}|open {s.OpenItems}|bond {s.Bond:0.######} {s.Band}|affect {s.Affect?.Value:0.######}|care {s.Care?.Value:0.######}|role {s.Role}|first {s.FirstContactAt:O} last {s.LastContactAt:O}");

    private static async Task<List<string>> MentionIdsAsync(SqliteMonitroStore store)
    {
        var found = await store.GetMentionsAsync(new MentionQuery { Page = new PageRequest(PageRequest.MaxPageSize) });
        return [.. found.Items.Select(static m => $"{m.Id}|{m.Signals?.Sentiment.Label}").Order(StringComparer.Ordinal)];
    }

    private static async Task<List<string>> InteractionsAsync(SqliteMonitroStore store)
    {
        var read = await store.GetInteractionsAsync(new PageRequest(PageRequest.MaxPageSize));
        return [.. read.Items.Select(static r => $"{r.Interaction.Id}|{r.Interaction.Direction}|{r.Interaction.Kind}|{r.Interaction.NeedsResponse}|{r.Person.IdentityKey}").Order(StringComparer.Ordinal)];
    }

    private static async Task<List<string>> ItemsAsync(SqliteMonitroStore store)
    {
        var read = await store.ListItemsAsync(new InboxQuery(), new PageRequest(PageRequest.MaxPageSize));
        return [.. read.Items.Select(static i => $"{i.PersonId}|{i.Id}|{i.State}|{i.Kind}|{i.AnsweredByPostId}").Order(StringComparer.Ordinal)];
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> condition, CancellationToken cancellationToken)
    {
        while (true)
        {
            var value = await read();
            if (condition(value))
            {
                return value;
            }

            await Task.Delay(100, cancellationToken);
        }
    }
}

using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Monitro.Orleans.Tests;

/// <summary>
/// CRM facts reach the person grains as they reach one process's scorer: a tenant's own <see cref="IContactResolver"/>
/// (registered with the tenant id as key) or the silo's default one, and the roles they decide (customer, prospect,
/// employee, stakeholder) are those one process suggests, also for a person known on two platforms.
/// </summary>
public sealed class ContactFactsParityTests : ConversationClusterTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(120);

    // Acme's own CRM, and the default one that serves every other tenant (here Globex).
    private readonly FixedContactResolver _acmeCrm = new(new Dictionary<string, ContactFacts>
    {
        ["mastodon:jane@example.social"] = new() { ContactId = "acme-17", Relations = [ContactRelation.Customer] },
        ["mastodon:lea@example.social"] = new() { ContactId = "acme-23", Relations = [ContactRelation.Prospect] },
        ["mastodon:omar@example.social"] = new() { ContactId = "acme-31", Relations = [ContactRelation.Employee] },
    });

    private readonly FixedContactResolver _defaultCrm = new(new Dictionary<string, ContactFacts>
    {
        ["mastodon:jane@example.social"] = new() { ContactId = "globex-5", Relations = [ContactRelation.Partner] },
        ["mastodon:sam@example.social"] = new() { ContactId = "globex-8", Relations = [ContactRelation.Customer] },
    });

    private readonly ITestOutputHelper _output;

    public ContactFactsParityTests(ITestOutputHelper output) => _output = output;

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddKeyedSingleton<IContactResolver>(ConversationPosts.Acme, _acmeCrm);
        services.AddSingleton<IContactResolver>(_defaultCrm);
    }

    [Fact]
    public async Task Roles_FromEachTenantsCrm_AreThoseOneProcessSuggests()
    {
        using var bound = new CancellationTokenSource(Bound);
        var client = Cluster.Client;
        var lease = client.GetGrain<ISourceLeaseGrain>("first");
        while ((await lease.GetStatusAsync(bound.Token)).State != SourceLeaseState.Completed)
        {
            await Task.Delay(100, bound.Token);
        }

        var compared = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (tenantId, crm) in new[] { (ConversationPosts.Acme, _acmeCrm), (ConversationPosts.Globex, _defaultCrm) })
        {
            var single = await OneProcess.RunAsync(SingleStores, tenantId, "first", ConversationPosts.First, services => services.AddSingleton<IContactResolver>(crm), bound.Token);
            var actual = new List<string>();
            foreach (var person in single)
            {
                var snapshot = await client.GetGrain<IPersonGrain>(tenantId + "\u001f" + person.PersonId).GetRelationshipAsync(ConversationPosts.AsOf, [.. person.Identities], bound.Token);
                actual.Add(snapshot is null ? person.PersonId + ": none" : Describe(snapshot));
            }

            actual.Sort(StringComparer.Ordinal);
            actual.ForEach(line => _output.WriteLine($"{tenantId}: {line}"));
            Assert.Equal(single.Select(Describe).Order(StringComparer.Ordinal), actual);
            compared[tenantId] = actual;
        }

        // What the comparison covered, so that no CRM at all cannot pass: each tenant's facts, and only its own.
        Assert.Contains(compared[ConversationPosts.Acme], p => p.StartsWith("mastodon:jane@example.social|acme-17|Customer|", StringComparison.Ordinal));
        Assert.Contains(compared[ConversationPosts.Acme], p => p.StartsWith("mastodon:lea@example.social|acme-23|", StringComparison.Ordinal) && p.Contains("Prospect:crm", StringComparison.Ordinal));
        Assert.Contains(compared[ConversationPosts.Acme], p => p.StartsWith("mastodon:omar@example.social|acme-31|Employee|", StringComparison.Ordinal));
        Assert.Contains(compared[ConversationPosts.Globex], p => p.StartsWith("mastodon:jane@example.social|globex-5|Stakeholder|", StringComparison.Ordinal));
        Assert.Contains(compared[ConversationPosts.Globex], p => p.StartsWith("bluesky:sam.example.com|globex-8|Customer|", StringComparison.Ordinal));
        Assert.DoesNotContain(compared[ConversationPosts.Acme], p => p.Contains("|globex-", StringComparison.Ordinal));
    }

    private static string Describe(RelationshipSnapshot s) => string.Create(
        CultureInfo.InvariantCulture,
        $"{s.PersonId}|{s.ContactId}|{s.Role}|{string.Join(",", s.Roles.Select(r => $"{r.Role}:{r.RuleId}:{r.IsFact}"))}|{string.Join(",", s.Identities.Order(StringComparer.Ordinal))}|in {s.Inbound} out {s.Outbound}|bond {s.Bond:0.######}|care {s.Care?.Value:0.######}");
}

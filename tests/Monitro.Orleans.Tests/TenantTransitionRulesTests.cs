using Monitro.Orleans.Alerting;
using Monitro.Orleans.People;

namespace Monitro.Orleans.Tests;

/// <summary>
/// A tenant's rules also decide which relationship transitions a person grain sends, as one process's router does:
/// a rule that takes the kind sends it, named; a tenant whose rules take no transition sends none; a tenant without
/// rules sends every transition.
/// </summary>
public sealed class TenantTransitionRulesTests : IDisposable
{
    private const string Person = "mastodon:jane@example.social";
    private static readonly DateTimeOffset Asked = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly TestClusterStores _stores = new();

    public void Dispose() => _stores.Dispose();

    [Theory]
    [InlineData("acme", "people")]
    [InlineData("globex", null)]
    [InlineData("initech", "")]
    public async Task OverdueAnswer_GoesOutByTheTenantsRules(string tenantId, string? rule)
    {
        var settings = new MonitroOrleansOptions();
        settings.Relationships.AlertOnEveryOverdueItem = true;
        var acme = new MonitroTenantOptions();
        acme.Alerting.Rules.Add(new AlertRuleOptions { Name = "people", Kinds = { AlertKinds.RelationshipResponseOverdue } });
        settings.Tenants["acme"] = acme;
        var globex = new MonitroTenantOptions();
        globex.Alerting.Rules.Add(new AlertRuleOptions { Name = "hourly", Mode = AlertMode.Digest });
        settings.Tenants["globex"] = globex;
        var rules = TenantAlertRules.Fixed(settings);
        var store = _stores.Tenant(tenantId);
        var person = new PersonRelationship(Person, [Person], settings.Relationships, FixedContactResolver.None, TimeProvider.System, rules.TransitionsOf(tenantId));
        var question = new Interaction
        {
            Id = Interaction.CreateId("mastodon:q1", Person),
            PersonId = Person,
            PostId = "mastodon:q1",
            Kind = InteractionKind.Mention,
            Direction = InteractionDirection.Inbound,
            OccurredAt = Asked,
            NeedsResponse = true,
        };

        Assert.Equal(1, await person.RecordAsync(store, "social", [question], [new Author { Platform = "mastodon", Handle = "jane@example.social" }], Asked, CancellationToken.None));
        _ = await person.AdvanceAsync(store, Asked.AddHours(25), CancellationToken.None); // past the 24-hour target of a post that is neither a question nor a complaint

        var overdue = (await _stores.DispatchAsync(tenantId, CancellationToken.None)).Where(a => a.Kind == AlertKinds.RelationshipResponseOverdue).ToList();
        if (rule is null)
        {
            Assert.Empty(overdue);
        }
        else
        {
            Assert.Equal(rule.Length == 0 ? null : rule, Assert.Single(overdue).Rule);
        }
    }
}

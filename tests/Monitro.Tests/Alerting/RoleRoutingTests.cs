using Microsoft.Extensions.DependencyInjection;
using Monitro.Alerting;
using Monitro.Testing;

namespace Monitro.Tests.Alerting;

/// <summary>Rules filtered by role get the role from the relationship stage registered with AddMonitro.</summary>
public sealed class RoleRoutingTests
{
    [Fact]
    public async Task Pipeline_RuleWithRole_AlertsOnlyForPeopleTheRelationshipStageGivesThatRole()
    {
        var sink = new RecordingSink();
        var services = new ServiceCollection();
        services.AddSingleton<IRelationshipScorer>(new FixedRoles(new Dictionary<string, RelationshipRole>
        {
            ["mastodon:angry@example.social"] = RelationshipRole.Detractor,
            ["mastodon:happy@example.social"] = RelationshipRole.Advocate,
        }));
        services.AddMonitro()
            .AddWatch("acme", WatchCategory.Brand, "acme")
            .AddSource(new InMemorySource("memory", [
                TestPosts.Create("1", "acme broke again", handle: "angry@example.social"),
                TestPosts.Create("2", "acme is lovely", handle: "happy@example.social"),
                TestPosts.Create("3", "acme what is it", handle: "unknown@example.social"),
            ]))
            .AddSink(sink);
        services.Configure<AlertingOptions>(o => o.Rules.Add(new AlertRuleOptions { Name = "detractors", Roles = { "detractor" } }));
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<MentionMonitor>().RunAsync();

        Assert.Equal(["acme|mastodon:1"], sink.Alerts.Select(a => a.IdempotencyKey));
    }

    private sealed class FixedRoles(Dictionary<string, RelationshipRole> roles) : IRelationshipScorer
    {
        public void Record(Interaction interaction, Author person)
        {
        }

        public RelationshipSnapshot? GetRelationship(string personId, DateTimeOffset asOf) =>
            roles.TryGetValue(personId, out var role)
                ? new RelationshipSnapshot
                {
                    PersonId = personId,
                    Person = new Author { Platform = "mastodon", Handle = personId },
                    AsOf = asOf,
                    Bond = 50,
                    Band = "warm",
                    Inbound = 1,
                    Outbound = 0,
                    OpenItems = 0,
                    FirstContactAt = asOf,
                    LastContactAt = asOf,
                    Reason = "fixed for the test",
                    Role = role,
                }
                : null;

        public IReadOnlyList<RelationshipSnapshot> GetTop(int count, DateTimeOffset asOf) => [];
    }
}

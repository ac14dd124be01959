using Microsoft.Extensions.DependencyInjection;
using Monitro.Testing;
using static Monitro.Tests.Relationships.Interactions;

namespace Monitro.Tests.Relationships;

public sealed class ContactResolverTests
{
    [Fact]
    public async Task CrmCustomer_AskingAboutAlternatives_IsACustomerNotAProspect()
    {
        var crm = new FakeCrm { ["mastodon:sam@example.social"] = new ContactFacts { ContactId = "C-42", Relations = [ContactRelation.Customer] } };
        await using var harness = new RelationshipHarness(services => services.AddSingleton<IContactResolver>(crm));
        var ask = RelationshipHarness.From("sam@example.social", "q1", "Can anyone recommend a good alternative to Trello? Is @acme worth it?", 0);
        harness.Time.SetUtcNow(ask.CreatedAt.AddMinutes(1));

        await harness.PublishAsync(ask);
        var snapshot = harness.Relationship("sam@example.social");

        Assert.Equal(RelationshipRole.Customer, snapshot.Role);
        var fact = snapshot.Roles[0];
        Assert.Equal("crm.customer", fact.RuleId);
        Assert.True(fact.IsFact);
        Assert.Equal("C-42", snapshot.ContactId);
        Assert.DoesNotContain(snapshot.Roles, role => role.Role == RelationshipRole.Prospect);
        Assert.True(snapshot.Intents[IntentLabel.PurchaseIntent].Value > 30, "the guess had the evidence; the fact outranked it");
    }

    [Fact]
    public async Task CrmEmployee_LookingForANewRole_IsNeverGuessedTalent()
    {
        var crm = new FakeCrm { ["mastodon:jane"] = new ContactFacts { ContactId = "E-1", Relations = [ContactRelation.Employee, ContactRelation.Press] } };
        var (scorer, _) = RelationshipScorerTests.CreateScorer(o => o.EnableEmploymentInferences = true, s => s.AddSingleton<IContactResolver>(crm));
        await scorer.ResolveContactsAsync([Person("mastodon:jane")], TestPosts.Epoch);
        scorer.Record(Inbound("mastodon:jane", "p1", 0, intents: Hit(IntentLabel.JobSeeking)), Person("mastodon:jane"));

        var roles = scorer.GetRelationship("mastodon:jane", TestPosts.Epoch)!.Roles;

        Assert.Equal([RelationshipRole.Employee, RelationshipRole.Stakeholder], roles.Select(r => r.Role));
        Assert.Equal(["crm.employee", "crm.press"], roles.Select(r => r.RuleId));
    }

    [Fact]
    public async Task ResolveContacts_WithinTheCacheDuration_AsksTheCrmOncePerIdentity()
    {
        var crm = new FakeCrm();
        var (scorer, _) = RelationshipScorerTests.CreateScorer(o => o.ContactCacheDuration = TimeSpan.FromMinutes(10), s => s.AddSingleton<IContactResolver>(crm));
        var jane = Person("mastodon:jane");

        await scorer.ResolveContactsAsync([jane, jane], TestPosts.Epoch);
        await scorer.ResolveContactsAsync([jane], TestPosts.Epoch.AddMinutes(9));
        Assert.Equal(1, crm.Calls);

        await scorer.ResolveContactsAsync([jane], TestPosts.Epoch.AddMinutes(10));
        Assert.Equal(2, crm.Calls);
    }

    [Fact]
    public async Task DefaultResolver_ResolvesNothing()
    {
        var (_, provider) = RelationshipScorerTests.CreateScorer();

        Assert.Null(await provider.GetRequiredService<IContactResolver>().ResolveAsync("mastodon:jane"));
    }

    private sealed class FakeCrm : Dictionary<string, ContactFacts>, IContactResolver
    {
        public FakeCrm()
            : base(StringComparer.Ordinal)
        {
        }

        public int Calls { get; private set; }

        public ValueTask<ContactFacts?> ResolveAsync(string identityKey, CancellationToken cancellationToken = default)
        {
            Calls++;
            return ValueTask.FromResult(TryGetValue(identityKey, out var facts) ? facts : null);
        }
    }
}

namespace Monitro.Tests.Relationships;

/// <summary>Relationship scenarios through the running pipeline, with the clock under the test's control.</summary>
public sealed class RelationshipScenarioTests
{
    private const string Jane = "jane@example.social";

    [Fact]
    public async Task UnhappyCustomer_AnsweredInTimeThenThanks_BecomesDetractorThenRecoveredButNotAdvocate()
    {
        await using var harness = new RelationshipHarness();
        var complaint = RelationshipHarness.From(Jane, "c1", "@acme your app lost my data again, this is terrible", 0);
        harness.Time.SetUtcNow(complaint.CreatedAt.AddMinutes(1));

        await harness.PublishAsync(complaint);
        var angry = harness.Relationship(Jane);
        Assert.Equal(RelationshipRole.Detractor, angry.Role);
        Assert.Equal("detractor.open-complaint", angry.Roles[0].RuleId);
        Assert.Equal(1, angry.OpenItems);

        harness.Time.SetUtcNow(complaint.CreatedAt.AddMinutes(30));
        await harness.PublishAsync(RelationshipHarness.Answer("a1", "@jane so sorry, we restored your data from last night's backup", 30, complaint));
        var answered = harness.Relationship(Jane);
        Assert.Equal(RelationshipRole.Detractor, answered.Role); // answered, but the tone has not recovered yet
        Assert.Equal(0, answered.OpenItems);
        Assert.Equal(100, answered.Care!.Value);

        harness.Time.SetUtcNow(complaint.CreatedAt.AddMinutes(45));
        await harness.PublishAsync(RelationshipHarness.From(Jane, "t1", "@acme thank you so much, everything is back. Great support!", 45, replyTo: "mastodon:a1"));
        var recovered = harness.Relationship(Jane);
        Assert.Equal(RelationshipRole.RecoveredDetractor, recovered.Role);
        Assert.DoesNotContain(recovered.Roles, role => role.Role is RelationshipRole.Advocate or RelationshipRole.Detractor);
        Assert.True(recovered.Affect!.Value > 50, "the thank-you lifts the tone");

        await MonitroTestHost.WaitUntilAsync(() => harness.RelationshipAlerts(AlertKinds.RelationshipDetractorRecovered).Count == 1, "the recovery is delivered");
        var newDetractor = Assert.Single(harness.RelationshipAlerts(AlertKinds.RelationshipNewDetractor));
        Assert.Equal("mastodon:jane@example.social|relationship.new-detractor|mastodon:c1|mastodon:jane@example.social", newDetractor.IdempotencyKey);
        Assert.Empty(harness.RelationshipAlerts(AlertKinds.RelationshipResponseOverdue));
    }

    [Fact]
    public async Task RecoveredDetractor_PraisingAfterwards_BecomesAdvocateOnlyOnObservedAdvocacy()
    {
        await using var harness = new RelationshipHarness();
        var complaint = RelationshipHarness.From(Jane, "c1", "@acme sync is broken again, so frustrating", 0);
        harness.Time.SetUtcNow(complaint.CreatedAt.AddMinutes(1));
        await harness.PublishAsync(complaint);
        await harness.PublishAsync(RelationshipHarness.Answer("a1", "@jane fixed now, sorry about that", 20, complaint));
        await harness.PublishAsync(RelationshipHarness.From(Jane, "t1", "@acme thanks, works great now!", 25));
        Assert.Equal(RelationshipRole.RecoveredDetractor, harness.Relationship(Jane).Role);

        await harness.PublishAsync(RelationshipHarness.From(Jane, "p1", "Honestly I love @acme, the best planning tool I've used", 60 * 24));
        Assert.Equal(RelationshipRole.RecoveredDetractor, harness.Relationship(Jane).Role); // one post of praise is not yet advocacy

        await harness.PublishAsync(RelationshipHarness.From(Jane, "p2", "Highly recommend @acme to every small team, amazing support", 60 * 48));
        var advocate = harness.Relationship(Jane);
        Assert.Equal(RelationshipRole.Advocate, advocate.Roles.Single(role => role.RuleId == "advocate.praise").Role);
        Assert.Equal(["mastodon:p1|mastodon:jane@example.social", "mastodon:p2|mastodon:jane@example.social"], advocate.Roles.Single(role => role.Role == RelationshipRole.Advocate).Evidence);
    }

    [Fact]
    public async Task Prospect_AsksForRecommendationAndIsAnswered_IsProspectAndBondRises()
    {
        await using var harness = new RelationshipHarness();
        var ask = RelationshipHarness.From("sam@example.social", "q1", "Can anyone recommend a good alternative to Trello? Is @acme worth it?", 0);
        harness.Time.SetUtcNow(ask.CreatedAt.AddMinutes(5));
        await harness.PublishAsync(ask);
        var asked = harness.Relationship("sam@example.social");
        Assert.Equal(RelationshipRole.Prospect, asked.Role);
        Assert.Equal("prospect.purchase-intent", asked.Roles[0].RuleId);

        harness.Time.SetUtcNow(ask.CreatedAt.AddMinutes(40));
        await harness.PublishAsync(RelationshipHarness.Answer("a1", "@sam happy to help: here is a 30-day trial and a comparison guide", 40, ask));
        var answered = harness.Relationship("sam@example.social");

        Assert.Equal(RelationshipRole.Prospect, answered.Role);
        Assert.True(answered.Bond > asked.Bond, $"bond {answered.Bond} should exceed {asked.Bond}");
        Assert.Equal(1, answered.Outbound);
        Assert.Equal(100, answered.Care!.Value);
    }

    [Fact]
    public async Task UnansweredComplaint_PastItsTarget_RaisesOneOverdueAlertThroughThePipeline()
    {
        await using var harness = new RelationshipHarness();
        var complaint = RelationshipHarness.From(Jane, "c1", "@acme I was charged twice this month, fix this", 0);
        harness.Time.SetUtcNow(complaint.CreatedAt.AddMinutes(1));
        await harness.PublishAsync(complaint);
        Assert.Empty(harness.RelationshipAlerts(AlertKinds.RelationshipResponseOverdue));

        // No new posts: only the pipeline's timer can notice the target passing.
        harness.Time.Advance(TimeSpan.FromMinutes(61));
        await MonitroTestHost.WaitUntilAsync(() => harness.RelationshipAlerts(AlertKinds.RelationshipResponseOverdue).Count > 0, "the overdue complaint is alerted");

        // Later ticks and a new post from the same person evaluate her again; the alert must not repeat.
        for (var i = 0; i < 5; i++)
        {
            harness.Time.Advance(TimeSpan.FromMinutes(1));
            await Task.Yield();
        }

        await harness.PublishAsync(RelationshipHarness.From(Jane, "c2", "@acme still waiting on that refund", 70));
        await MonitroTestHost.WaitUntilAsync(() => harness.Store.PendingAlertCount == 0, "every alert is delivered");
        var overdue = Assert.Single(harness.RelationshipAlerts(AlertKinds.RelationshipResponseOverdue));
        Assert.Equal("mastodon:c1|mastodon:jane@example.social", overdue.Transition!.TriggerId);
        Assert.Equal(RelationshipTransitionKind.ResponseOverdue, overdue.Transition.Kind);
        Assert.Contains("past its 60 min target", overdue.Title, StringComparison.Ordinal);
        Assert.Equal(1, harness.Relationship(Jane).Care!.Factors.Single(f => f.Name == "breaches").Value);
    }

    [Fact]
    public async Task ComplaintAnsweredInTime_TimerPassesTheTarget_RaisesNoOverdueAlert()
    {
        await using var harness = new RelationshipHarness();
        var complaint = RelationshipHarness.From(Jane, "c1", "@acme the export is not working", 0);
        harness.Time.SetUtcNow(complaint.CreatedAt.AddMinutes(1));
        await harness.PublishAsync(complaint);
        harness.Time.SetUtcNow(complaint.CreatedAt.AddMinutes(20));
        await harness.PublishAsync(RelationshipHarness.Answer("a1", "@jane on it, a fix ships today", 20, complaint));

        harness.Time.Advance(TimeSpan.FromHours(2));
        await harness.PublishAsync(RelationshipHarness.From("sam@example.social", "x1", "@acme hello there", 140));
        await MonitroTestHost.WaitUntilAsync(() => harness.Store.PendingAlertCount == 0, "every alert is delivered");

        Assert.Empty(harness.RelationshipAlerts(AlertKinds.RelationshipResponseOverdue));
    }
}

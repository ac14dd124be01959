using Monitro.Alerting;
using static Monitro.Tests.Alerting.AlertTestData;

namespace Monitro.Tests.Alerting;

public sealed class AlertRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    private static bool Takes(Action<AlertRuleOptions> configure, Alert alert, string? role = null) =>
        new AlertRule(Rule("r", configure: configure)).Matches(alert, role);

    private static Alert For(Mention mention) => Alert.ForMention(mention, Now);

    [Fact]
    public void Matches_EmptyRule_TakesEveryMentionButNoOtherKind()
    {
        Assert.True(Takes(_ => { }, For(Mention())));
        Assert.False(Takes(_ => { }, new Alert { IdempotencyKey = "k", Kind = "relationship.new-detractor", RaisedAt = Now, Title = "t" }));
    }

    [Fact]
    public void Matches_WatchAndCategory_FilterByTheMentionsWatch()
    {
        Assert.True(Takes(r => r.Watches.Add("acme"), For(Mention())));
        Assert.False(Takes(r => r.Watches.Add("acme"), For(Mention(Rival))));
        Assert.True(Takes(r => r.Categories.Add(WatchCategory.Competitor), For(Mention(Rival))));
        Assert.False(Takes(r => r.Categories.Add(WatchCategory.Competitor), For(Mention())));
    }

    [Fact]
    public void Matches_SentimentLabelAndThreshold_Filter()
    {
        var negative = For(Mention(sentiment: SentimentLabel.Negative, compound: -0.6));
        var mild = For(Mention(sentiment: SentimentLabel.Negative, compound: -0.1));
        Assert.True(Takes(r => r.Sentiments.Add(SentimentLabel.Negative), negative));
        Assert.False(Takes(r => r.Sentiments.Add(SentimentLabel.Positive), negative));
        Assert.True(Takes(r => r.MaxSentiment = -0.3, negative));
        Assert.False(Takes(r => r.MaxSentiment = -0.3, mild));
        Assert.False(Takes(r => r.MinSentiment = 0.2, mild));
    }

    [Fact]
    public void Matches_MentionWithoutSignals_FailsSentimentAndIntentFilters()
    {
        var bare = For(Mention() with { Signals = null });
        Assert.False(Takes(r => r.Sentiments.Add(SentimentLabel.Neutral), bare));
        Assert.False(Takes(r => r.Intents.Add(IntentLabel.Complaint), bare));
        Assert.True(Takes(r => r.Watches.Add("acme"), bare));
    }

    [Fact]
    public void Matches_Intents_NeedOneOfTheLabels()
    {
        var complaint = For(Mention(intents: [IntentLabel.Question, IntentLabel.Complaint]));
        Assert.True(Takes(r => { r.Intents.Add(IntentLabel.Complaint); r.Intents.Add(IntentLabel.ChurnRisk); }, complaint));
        Assert.False(Takes(r => r.Intents.Add(IntentLabel.Praise), complaint));
    }

    [Fact]
    public void Matches_ReachLanguageAndSource_Filter()
    {
        var post = For(Mention(followers: 5_000, language: "en-GB", source: "bluesky"));
        Assert.True(Takes(r => r.MinFollowers = 1_000, post));
        Assert.False(Takes(r => r.MinFollowers = 10_000, post));
        Assert.False(Takes(r => r.MinFollowers = 1, For(Mention(followers: null))));
        Assert.True(Takes(r => r.Languages.Add("en"), post));
        Assert.False(Takes(r => r.Languages.Add("e"), post));
        Assert.False(Takes(r => r.Languages.Add("de"), post));
        Assert.False(Takes(r => r.Languages.Add("en"), For(Mention(language: null))));
        Assert.True(Takes(r => r.Sources.Add("Bluesky"), post));
        Assert.False(Takes(r => r.Sources.Add("mastodon"), post));
    }

    [Fact]
    public void Matches_KindPrefix_TakesRelationshipTransitions()
    {
        var detractor = new Alert { IdempotencyKey = "k", Kind = "relationship.new-detractor", RaisedAt = Now, Title = "t" };
        Assert.True(Takes(r => r.Kinds.Add("relationship.*"), detractor));
        Assert.True(Takes(r => r.Kinds.Add("relationship.new-detractor"), detractor));
        Assert.False(Takes(r => r.Kinds.Add("relationship.dormant"), detractor));
        Assert.False(Takes(r => r.Kinds.Add("relationship.*"), For(Mention())));
    }

    [Fact]
    public void Matches_AlertWithoutMention_IsNotTakenByAMentionFilter()
    {
        var detractor = new Alert { IdempotencyKey = "k", Kind = "relationship.new-detractor", RaisedAt = Now, Title = "t" };
        Assert.False(Takes(r => { r.Kinds.Add("relationship.*"); r.Watches.Add("acme"); }, detractor));
    }

    [Fact]
    public void Matches_Roles_NeedAKnownRoleInTheList()
    {
        var detractor = new Alert { IdempotencyKey = "k", Kind = "relationship.new-detractor", RaisedAt = Now, Title = "t" };
        Assert.True(Takes(r => { r.Kinds.Add("relationship.*"); r.Roles.Add("detractor"); }, detractor, role: "Detractor"));
        Assert.False(Takes(r => { r.Kinds.Add("relationship.*"); r.Roles.Add("detractor"); }, detractor, role: "advocate"));
        Assert.False(Takes(r => { r.Kinds.Add("relationship.*"); r.Roles.Add("detractor"); }, detractor, role: null));
    }
}

using Monitro.Samples.Crm.Replay;

namespace Monitro.Samples.Crm.Tests;

public sealed class CasePolicyTests
{
    private static readonly CasePolicy Policy = new(ReplayWorker.OwnIdentityKeys);

    private static MentionCreatedData Data(Alert alert) => System.Text.Json.JsonSerializer.Deserialize(
        CrmEventMapper.Map(alert)[1].Body.Span, CrmEventJsonContext.Default.CrmEventMentionCreatedData)!.Data;

    [Fact]
    public void OpensCase_ComplaintFromAPerson_IsACase() => Assert.True(Policy.OpensCase(Data(SampleAlerts.Complaint())));

    [Fact]
    public void OpensCase_HeadlineFromANewsFeed_IsNoCase() => Assert.False(Policy.OpensCase(Data(
        SampleAlerts.Mention("rss", "https://pmtoday.news/outage", "pmtoday.news", "PM Today", "Tidewell outage leaves teams broken for a day", SentimentLabel.Negative, -0.6, IntentLabel.Complaint))));

    [Fact]
    public void OpensCase_OurOwnAccount_IsNoCase() => Assert.False(Policy.OpensCase(Data(
        SampleAlerts.Mention("201", "tidewellhelp@mastodon.social", "Tidewell Help", "sorry the board sync is broken, we are on it", SentimentLabel.Negative, -0.4, IntentLabel.Complaint))));

    [Fact]
    public void OpensCase_ComplaintPhraseInAPositivePost_IsNoCase() => Assert.False(Policy.OpensCase(Data(
        SampleAlerts.Mention("202", "kim@example.social", "Kim", "sync was broken yesterday but tidewell fixed it fast, love it", SentimentLabel.Positive, 0.6, IntentLabel.Complaint))));

    [Fact]
    public void OpensCase_NegativePostWithoutComplaint_IsNoCase() => Assert.False(Policy.OpensCase(Data(
        SampleAlerts.Mention("203", "lee@example.social", "Lee", "tidewell is not for me", SentimentLabel.Negative, -0.3))));
}

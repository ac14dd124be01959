using Monitro.Analysis;

namespace Monitro.Tests.Analysis;

public sealed class RuleIntentDetectorTests
{
    private static RuleIntentDetector CreateSut() => new();

    private static IntentHit? Find(IReadOnlyList<IntentHit> hits, IntentLabel label) =>
        hits.FirstOrDefault(hit => hit.Label == label);

    [Theory]
    [InlineData("Sync is not working again on Windows", "not working")]
    [InlineData("The app keeps crashing when I open a project", "keeps crashing")]
    [InlineData("I was charged twice this month", "charged twice")]
    [InlineData("Your dashboard is down", "is down")]
    [InlineData("This update is terrible", "terrible")]
    public void Detect_ComplaintPhrase_FindsComplaint(string text, string phrase)
    {
        var hit = Find(CreateSut().Detect(text, "en"), IntentLabel.Complaint);

        Assert.NotNull(hit);
        Assert.Equal(phrase, hit.Phrase, ignoreCase: true);
        Assert.InRange(hit.Confidence, 0.5, 1);
    }

    [Theory]
    [InlineData("Switching to Zenboard next month", "Switching to")]
    [InlineData("How do I cancel my subscription", "cancel my")]
    [InlineData("We are moving away from Taskly", "moving away from")]
    [InlineData("Not renewing our plan this year", "Not renewing")]
    public void Detect_ChurnPhrase_FindsChurnRisk(string text, string phrase)
    {
        var hit = Find(CreateSut().Detect(text, "en"), IntentLabel.ChurnRisk);

        Assert.NotNull(hit);
        Assert.Equal(phrase, hit.Phrase);
    }

    [Theory]
    [InlineData("I'm not switching to anything else")]
    [InlineData("We won't cancel our plan, no worries")]
    public void Detect_NegatedChurnPhrase_FindsNoChurnRisk(string text)
    {
        Assert.Null(Find(CreateSut().Detect(text, "en"), IntentLabel.ChurnRisk));
    }

    [Theory]
    [InlineData("how do i export my boards", "how do i")]
    [InlineData("Anyone know a way to sync calendars", "Anyone know")]
    [InlineData("Need help with the API keys", "Need help")]
    [InlineData("Does it support SSO?", "Does it support SSO?")]
    [InlineData("Great release. Does it support SSO? Thanks", "Does it support SSO?")]
    public void Detect_QuestionForm_FindsQuestion(string text, string phrase)
    {
        var hit = Find(CreateSut().Detect(text, "en"), IntentLabel.Question);

        Assert.NotNull(hit);
        Assert.Equal(phrase, hit.Phrase);
    }

    [Theory]
    [InlineData("Thanks for the help yesterday")]
    [InlineData("See https://example.com/page?id=3 for details")]
    [InlineData("Taskly released version 4.2 today")]
    public void Detect_NoQuestion_FindsNoQuestion(string text)
    {
        Assert.Null(Find(CreateSut().Detect(text, "en"), IntentLabel.Question));
    }

    [Theory]
    [InlineData("@Rellio why is this so hard?! three calls to change a date")]
    [InlineData("is it too much to ask for a train that turns up on time?")]
    [InlineData("who thought a 40 minute hold queue was acceptable?")]
    [InlineData("@Rellio how is it possible to lose an entire order?")]
    [InlineData("got my parcel today?? a week early lol")]
    [InlineData("do I need another coffee? yes. yes I do")]
    [InlineData("isn't it lovely when the sun comes out?")]
    public void Detect_RhetoricalQuestionOrStatement_FindsNoQuestion(string text)
    {
        Assert.Null(Find(CreateSut().Detect(text, "en"), IntentLabel.Question));
    }

    [Theory]
    [InlineData("@Rellio do you have a vegan cheese option", "@Rellio do you have a vegan cheese option")]
    [InlineData("@Rellio my refund hasn't arrived, could you check where it is please?", "@Rellio my refund hasn't arrived, could you check where it is please?")]
    [InlineData("@Rellio any deals today?", "@Rellio any deals today?")]
    public void Detect_RequestForInformation_FindsQuestion(string text, string phrase)
    {
        var hit = Find(CreateSut().Detect(text, "en"), IntentLabel.Question);

        Assert.NotNull(hit);
        Assert.Equal(phrase, hit.Phrase);
    }

    [Theory]
    [InlineData("Looking for a CRM for a team of five", "Looking for")]
    [InlineData("Can anyone recommend a good password manager", "recommend a")]
    [InlineData("Is there an alternative to Taskly for agencies", "alternative to")]
    [InlineData("Pixelfy Pro, worth it?", "worth it?")]
    [InlineData("What's your pricing for teams", "pricing")]
    public void Detect_PurchasePhrase_FindsPurchaseIntent(string text, string phrase)
    {
        var hit = Find(CreateSut().Detect(text, "en"), IntentLabel.PurchaseIntent);

        Assert.NotNull(hit);
        Assert.Equal(phrase, hit.Phrase);
    }

    [Theory]
    [InlineData("I love the new editor", "love")]
    [InlineData("Highly recommend Vaultly to every freelancer", "Highly recommend")]
    [InlineData("Best CI service we have used", "Best")]
    [InlineData("The support team is amazing", "amazing")]
    [InlineData("Can't recommend Taskly enough", "Can't recommend Taskly enough")]
    [InlineData("Can’t recommend Taskly enough", "Can’t recommend Taskly enough")]
    [InlineData("Is anyone else on the beta? It is amazing", "amazing")]
    public void Detect_PraisePhrase_FindsPraise(string text, string phrase)
    {
        var hit = Find(CreateSut().Detect(text, "en"), IntentLabel.Praise);

        Assert.NotNull(hit);
        Assert.Equal(phrase, hit.Phrase);
    }

    [Theory]
    [InlineData("I don't love the new layout")]
    [InlineData("It is not the best option for us")]
    [InlineData("Best regards, the ops team")]
    [InlineData("Lovely weather in Lisbon")]
    [InlineData("Would love to see dark mode")]
    [InlineData("Can you recommend a plugin")]
    [InlineData("What's the best CRM for startups?")]
    public void Detect_NoPraise_FindsNoPraise(string text)
    {
        Assert.Null(Find(CreateSut().Detect(text, "en"), IntentLabel.Praise));
    }

    [Theory]
    [InlineData("Looking for a new role in platform engineering", "Looking for a new role")]
    [InlineData("Open to work! Backend dev with 8 years of Go", "Open to work")]
    [InlineData("Happy to connect #OpenToWork", "#OpenToWork")]
    public void Detect_JobSeekingPhrase_FindsJobSeekingNotPurchase(string text, string phrase)
    {
        var hits = CreateSut().Detect(text, "en");
        var hit = Find(hits, IntentLabel.JobSeeking);

        Assert.NotNull(hit);
        Assert.Equal(phrase, hit.Phrase);
        Assert.Null(Find(hits, IntentLabel.PurchaseIntent));
    }

    [Theory]
    [InlineData("We're hiring backend engineers in Lisbon", "We're hiring")]
    [InlineData("We’re hiring! Remote friendly", "We’re hiring")]
    [InlineData("WE ARE HIRING", "WE ARE HIRING")]
    [InlineData("Join our team as a designer", "Join our team")]
    [InlineData("New job opening on the platform team", "job opening")]
    [InlineData("We're looking for a senior backend engineer", "We're looking for a senior backend engineer")]
    public void Detect_HiringPhrase_FindsHiring(string text, string phrase)
    {
        var hit = Find(CreateSut().Detect(text, "en"), IntentLabel.Hiring);

        Assert.NotNull(hit);
        Assert.Equal(phrase, hit.Phrase);
    }

    [Fact]
    public void Detect_NegatedHiring_FindsNoHiring()
    {
        Assert.Null(Find(CreateSut().Detect("Sorry, we're not hiring right now", "en"), IntentLabel.Hiring));
    }

    [Theory]
    [InlineData("@sam you should try Taskly for your studio", "you should try")]
    [InlineData("Have you tried Zenboard @maria? It fixed our standups", "Have you tried")]
    public void Detect_RecommendationTaggingSomeone_FindsReferral(string text, string phrase)
    {
        var hit = Find(CreateSut().Detect(text, "en"), IntentLabel.Referral);

        Assert.NotNull(hit);
        Assert.Equal(phrase, hit.Phrase);
    }

    [Theory]
    [InlineData("You should try Taskly for your studio")]
    [InlineData("sam@example.com you should try Taskly")]
    [InlineData("@sam thanks for the update")]
    public void Detect_NoThirdPersonOrNoRecommendation_FindsNoReferral(string text)
    {
        Assert.Null(Find(CreateSut().Detect(text, "en"), IntentLabel.Referral));
    }

    [Theory]
    [InlineData("Fixed a nasty debugging marathon today")]
    [InlineData("Bug fix release 4.2.1 is out")]
    [InlineData("Changelog for March is up on the blog")]
    public void Detect_NeutralText_FindsNoComplaint(string text)
    {
        Assert.Null(Find(CreateSut().Detect(text, "en"), IntentLabel.Complaint));
    }

    [Fact]
    public void Detect_TextWithSeveralIntents_ReportsEachLabelOnce()
    {
        var hits = CreateSut().Detect("Switching to Zenboard because Taskly keeps crashing and support is useless. Any tips for migrating?", "en");

        Assert.NotNull(Find(hits, IntentLabel.ChurnRisk));
        Assert.NotNull(Find(hits, IntentLabel.Complaint));
        Assert.NotNull(Find(hits, IntentLabel.Question));
        Assert.Equal(hits.Count, hits.Select(hit => hit.Label).Distinct().Count());
    }

    [Fact]
    public void Detect_SeveralPhrasesOfOneIntent_RaiseItsConfidence()
    {
        var one = Find(CreateSut().Detect("the app is buggy", "en"), IntentLabel.Complaint)!;
        var several = Find(CreateSut().Detect("the app is buggy, laggy and keeps crashing", "en"), IntentLabel.Complaint)!;

        Assert.True(several.Confidence > one.Confidence, $"{several.Confidence} > {one.Confidence}");
        Assert.Equal("keeps crashing", several.Phrase);
        Assert.InRange(several.Confidence, 0, 1);
    }

    [Fact]
    public void Detect_NonEnglishText_UsesOnlyLanguageIndependentSignals()
    {
        var sut = CreateSut();

        var german = sut.Detect("Wir suchen Verstärkung im Backend-Team #hiring", "de");
        var germanWithEnglishWords = sut.Detect("switching to etwas anderem", "de");
        var germanQuestion = sut.Detect("Unterstützt ihr SSO?", "de");

        Assert.Equal(IntentLabel.Hiring, Assert.Single(german).Label);
        Assert.Empty(germanWithEnglishWords);
        Assert.Equal(IntentLabel.Question, Assert.Single(germanQuestion).Label);
    }

    [Theory]
    [InlineData("@")]
    [InlineData("?")]
    [InlineData("\uD83D lone surrogate @\uDE00")]
    [InlineData("#")]
    public void Detect_OddInput_DoesNotThrowAndStaysInRange(string text)
    {
        Assert.All(CreateSut().Detect(text, "en"), hit => Assert.InRange(hit.Confidence, 0, 1));
    }

    [Fact]
    public void Detect_EmptyText_FindsNothing()
    {
        Assert.Empty(CreateSut().Detect("  ", "en"));
    }

    [Fact]
    public void Detect_NullText_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => CreateSut().Detect(null!, "en"));
    }

    [Fact]
    public void Detect_ManyThreads_GiveTheSameHits()
    {
        var sut = CreateSut();
        const string text = "@sam you should try Taskly, we're hiring too. Anyone know the pricing?";
        var expected = sut.Detect(text, "en");

        var results = new IReadOnlyList<IntentHit>[200];
        Parallel.For(0, results.Length, i => results[i] = sut.Detect(text, "en"));

        Assert.All(results, result => Assert.Equal(expected, result));
    }
}

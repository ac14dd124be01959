using Monitro.Analysis;

namespace Monitro.Tests.Analysis;

/// <summary>The failure classes of complaint detection seen on real posts, and the bugs found there.</summary>
public sealed class ComplaintDetectionTests
{
    private static readonly RuleIntentDetector Detector = new();

    private static IntentHit? Find(string text, IntentLabel label) =>
        Detector.Detect(text, "en").FirstOrDefault(hit => hit.Label == label);

    [Theory]
    [InlineData("No. WTF")]
    [InlineData("no. worst service ever")]
    [InlineData("WTF")]
    [InlineData("No! This is unacceptable")]
    public void Detect_NoEndingThePreviousSentence_DoesNotCancelTheComplaint(string text)
    {
        Assert.NotNull(Find(text, IntentLabel.Complaint));
    }

    [Theory]
    [InlineData("why is my order still not here?")]
    [InlineData("@Acme you've been ignoring me for three days")]
    [InlineData("@Acme still waiting")]
    [InlineData("@DailyPost paid for home delivery and I never get the paper")]
    [InlineData("@Acme an absolute joke of a company")]
    [InlineData("@Acme support replied with a canned answer. love that for me")]
    [InlineData("@Acme didn't fix anything. didn't call back. didn't refund.")]
    [InlineData("@Acme engineer never showed up, took the day off for nothing")]
    [InlineData("@Acme on hold for 47 minutes now. brilliant.")]
    [InlineData("@Acme I've sent the same form four times now")]
    [InlineData("@Acme my app froze mid-payment for the 7th time this week")]
    [InlineData("@Acme another day, another delayed train")]
    [InlineData("@Acme day 5 of the blinking red light on my modem")]
    [InlineData("@Acme my power has cut out two nights in a row")]
    [InlineData("@Acme a week without internet and counting")]
    [InlineData("@Acme emailed twice and heard nothing")]
    [InlineData("@Acme the parcel arrived with a hole in the side")]
    [InlineData("@Acme waiting on my refund since march. lovely.")]
    public void Detect_ComplaintWithoutAngryWords_FindsComplaint(string text)
    {
        Assert.NotNull(Find(text, IntentLabel.Complaint));
    }

    [Theory]
    [InlineData("@Acme how do I make a complaint about an engineer visit?")]
    [InlineData("@Acme how do I get a refund for an annual plan I bought by mistake?")]
    [InlineData("@Acme what's the best way to raise a formal complaint?")]
    [InlineData("My outstanding balance is down to £120 after this month's payment")]
    [InlineData("Acme announced a conference in Lisbon. This can only mean one thing: team trip")]
    [InlineData("I think they mean the new plan starts in January")]
    [InlineData("Acme paid out my claim in 48 hours. Really impressed")]
    public void Detect_FalseAlarmClass_FindsNoComplaint(string text)
    {
        Assert.Null(Find(text, IntentLabel.Complaint));
    }

    [Theory]
    [InlineData("@Acme my bag came back with the handle ripped off")]
    [InlineData("@Acme 10 days for next day delivery")]
    [InlineData("@Acme the engineer didn't come")]
    [InlineData("@Acme paid £90 for a seat and stood the whole way")]
    [InlineData("@Acme do you guys even test patches before releasing them?")]
    [InlineData("@Acme subtitles out of sync on everything. great job")]
    public void Detect_AddressedStatementTellingOfTrouble_FindsComplaint(string text)
    {
        Assert.NotNull(Find(text, IntentLabel.Complaint));
    }

    [Theory]
    [InlineData("@Acme can't wait for the new season")]
    [InlineData("@Acme no worries, all sorted now")]
    [InlineData("@sam you should try Acme, it sorted our chaos")]
    public void Detect_AddressedWithoutTrouble_FindsNoComplaint(string text)
    {
        Assert.Null(Find(text, IntentLabel.Complaint));
    }

    // The rules read these as no complaint; the learned complaint model (on by default) reads them as complaints, since
    // most addressed posts with "my" and a number, or "every day", are complaints in its training posts (a limit
    // documented in docs/analysis.md).
    [Theory]
    [InlineData("@Acme I use the app every day and it's been solid")]
    [InlineData("@Acme my order number is 4417")]
    [InlineData("@Rosemere we are open from 9am to 5pm on sundays")]
    public void Detect_AddressedWithoutTroubleRulesAlone_FindsNoComplaint(string text)
    {
        var rules = new RuleIntentDetector(new RuleIntentDetectorOptions { UseLearnedComplaintModel = false });

        Assert.DoesNotContain(rules.Detect(text, "en"), hit => hit.Label == IntentLabel.Complaint);
    }

    [Fact]
    public void Detect_ShortPraiseOpeningTheLastSentence_IsSarcasm()
    {
        const string Text = "@Acme half my order was missing. great start to the weekend";

        Assert.NotNull(Find(Text, IntentLabel.Complaint));
        Assert.Null(Find(Text, IntentLabel.Praise));
    }

    [Fact]
    public void Detect_HowToComplain_IsAQuestion()
    {
        Assert.NotNull(Find("@Acme how do I make a complaint about an engineer visit?", IntentLabel.Question));
    }

    [Fact]
    public void Detect_OutstandingBalanceInAComplaint_FindsNoPraise()
    {
        const string Text = "@Acme outstanding balance of £0.00 and you still sent me a late payment letter";

        Assert.Null(Find(Text, IntentLabel.Praise));
        Assert.NotNull(Find(Text, IntentLabel.Complaint));
    }

    [Fact]
    public void Detect_OutstandingService_FindsPraise()
    {
        Assert.NotNull(Find("Honestly the Acme support was outstanding on our call today", IntentLabel.Praise));
    }

    [Fact]
    public void Detect_SarcasticPraise_IsAComplaintNotPraise()
    {
        const string Text = "Thanks @Acme for the 40 pound \"admin fee\" for leaving. Really classy";

        Assert.Null(Find(Text, IntentLabel.Praise));
        Assert.NotNull(Find(Text, IntentLabel.Complaint));
    }

    [Fact]
    public void Detect_ProblemSolved_IsPraiseNotComplaint()
    {
        const string Text = "Had a problem with my order but @Acme fixed it straight away. Thank you for the quick help";

        Assert.Null(Find(Text, IntentLabel.Complaint));
        Assert.NotNull(Find(Text, IntentLabel.Praise));
    }

    [Fact]
    public void Detect_Complaint_NamesItsStrongestCue()
    {
        var hit = Find("@Acme my parcel never arrived and I've been waiting for two weeks", IntentLabel.Complaint);

        Assert.NotNull(hit);
        Assert.Equal("never arrived", hit.Phrase);
        Assert.InRange(hit.Confidence, 0.5, 1);
    }

    [Fact]
    public void Detect_MoreCues_RaiseTheConfidence()
    {
        var one = Find("@Acme still waiting", IntentLabel.Complaint)!;
        var more = Find("@Acme still waiting for my refund after three weeks. Useless", IntentLabel.Complaint)!;

        Assert.True(more.Confidence > one.Confidence, $"{more.Confidence} > {one.Confidence}");
    }

    [Theory]
    [InlineData("@Acme my room smelled damp and the sheets were filthy", "filthy")]
    [InlineData("@Acme my driver was texting the whole trip, genuinely terrifying", "terrifying")]
    public void Detect_NegativeWordOfTheSentimentLexiconWithCompany_FindsComplaintNamingIt(string text, string phrase)
    {
        var complaint = Find(text, IntentLabel.Complaint);

        Assert.NotNull(complaint);
        Assert.Equal(phrase, complaint.Phrase);
    }

    [Theory]
    [InlineData("the sunset tonight was not ugly at all")]
    [InlineData("@Acme how do I complain about a filthy room?")]
    [InlineData("that movie was terrifying")]
    public void Detect_NegativeWordNegatedAloneOrInAHowToQuestion_FindsNoComplaint(string text)
    {
        Assert.Null(Find(text, IntentLabel.Complaint));
    }
}

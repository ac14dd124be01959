namespace Monitro.Tests.Analysis;

/// <summary>
/// With the post's context (its mentions and the accounts known to be companies'), a plain lower-case handle that is not
/// known is no company being addressed: trouble told to a friend tagged <c>@chrisdee</c> is no complaint, while the same
/// words to a known company account, to a handle with a company's marks, or in a reply to one still are.
/// </summary>
public sealed class IntentContextTests
{
    private const string Trouble = "the power's out in our whole road again";

    private static readonly RuleIntentDetector Detector = new();

    private static readonly TextLanguage English = TextLanguage.FromTag("en");

    [Fact]
    public void Detect_PlainHandleWithoutContext_IsStillReadAsACompany()
    {
        // The text alone cannot tell @chrisdee from a company with a plain handle, so it keeps reading it as one.
        Assert.Contains(Detector.Detect($"@chrisdee {Trouble}", English), hit => hit.Label == IntentLabel.Complaint);
    }

    [Theory]
    [InlineData("@chrisdee " + Trouble)]
    [InlineData("@chrisdee @mollyh " + Trouble)]
    public void Detect_PlainFriendHandleWithContext_IsNoComplaint(string text)
    {
        var context = new IntentContext { Mentions = ["chrisdee", "mollyh"], CompanyAccounts = ["emberline"] };

        Assert.DoesNotContain(Detector.Detect(text, English, context), hit => hit.Label == IntentLabel.Complaint);
    }

    [Theory]
    [InlineData("@emberline " + Trouble)]
    [InlineData("@EMBERLINE " + Trouble)]
    [InlineData("@chrisdee @emberline " + Trouble)]
    public void Detect_KnownCompanyAccountWithContext_IsAComplaint(string text)
    {
        var context = new IntentContext { Mentions = ["chrisdee", "emberline"], CompanyAccounts = ["@Emberline"] };

        Assert.Contains(Detector.Detect(text, English, context), hit => hit.Label == IntentLabel.Complaint);
    }

    [Theory]
    [InlineData("@Emberline " + Trouble)]
    [InlineData("@hulu_support " + Trouble)]
    public void Detect_HandleWithCompanyMarksWithContext_IsAComplaint(string text)
    {
        Assert.Contains(Detector.Detect(text, English, new IntentContext()), hit => hit.Label == IntentLabel.Complaint);
    }

    [Fact]
    public void Detect_ReplyToAKnownCompanyWhoseTextShowsNoTag_IsAComplaint()
    {
        var context = new IntentContext { Mentions = ["emberline"], CompanyAccounts = ["emberline"] };

        Assert.DoesNotContain(Detector.Detect(Trouble, English, new IntentContext()), hit => hit.Label == IntentLabel.Complaint);
        Assert.Contains(Detector.Detect(Trouble, English, context), hit => hit.Label == IntentLabel.Complaint);
    }

    [Fact]
    public void Detect_ComplaintWithItsOwnCues_IsFoundWhoeverIsTagged()
    {
        var context = new IntentContext { Mentions = ["chrisdee"] };

        Assert.Contains(
            Detector.Detect("@chrisdee worst customer service ever, Emberline cut us off for three days and nobody answers", English, context),
            hit => hit.Label == IntentLabel.Complaint);
    }

    [Fact]
    public void IsCompanyAccount_IgnoresCaseAndTheAtSign()
    {
        var context = new IntentContext { CompanyAccounts = ["@Emberline", "kite_help"] };

        Assert.True(context.IsCompanyAccount("emberline"));
        Assert.True(context.IsCompanyAccount("@KITE_HELP"));
        Assert.False(context.IsCompanyAccount("chrisdee"));
        Assert.False(context.IsCompanyAccount("@"));
    }
}

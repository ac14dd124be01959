using Monitro.Analysis;

namespace Monitro.Tests.Analysis;

/// <summary>How the detector reads with the learned models on: the explanation, the options, and what stays with the rules.</summary>
public sealed class LearnedIntentDetectorTests
{
    private static readonly RuleIntentDetector Learned = new(new RuleIntentDetectorOptions { UseLearnedComplaintModel = true, UseLearnedChurnModel = true });
    private static readonly RuleIntentDetector Rules = new(new RuleIntentDetectorOptions { UseLearnedComplaintModel = false, UseLearnedChurnModel = false });

    [Fact]
    public void Detect_ModelsOff_ChangesOnlyComplaintChurnAndSarcasticPraise()
    {
        var changed = 0;
        foreach (var post in IntentEvaluationSet.Load("intent-posts.tsv", "dev"))
        {
            var learned = Learned.Detect(post.Text, "en");
            var rules = Rules.Detect(post.Text, "en");
            Assert.Equal(Others(rules), Others(learned));
            changed += learned.SequenceEqual(rules) ? 0 : 1;
        }

        Assert.True(changed > 0, "Switching the models off changed nothing.");

        static IEnumerable<IntentHit> Others(IReadOnlyList<IntentHit> hits) =>
            hits.Where(hit => hit.Label is not (IntentLabel.Complaint or IntentLabel.ChurnRisk or IntentLabel.Praise));
    }

    [Fact]
    public void Detect_ComplaintWithTheModel_NamesAPhraseOfTheText()
    {
        const string text = "@Brightline 40 minutes on hold and then the call just dropped";

        var complaint = Assert.Single(Learned.Detect(text, "en"), hit => hit.Label == IntentLabel.Complaint);

        Assert.NotEmpty(complaint.Phrase);
        Assert.Contains(complaint.Phrase, text, StringComparison.Ordinal);
        Assert.InRange(complaint.Confidence, 0.5, 1.0);
    }

    [Fact]
    public void Detect_OtherLanguageWithTheModel_KeepsItsPhraseLists()
    {
        var rules = Rules;

        Assert.Equal(rules.Detect("funktioniert nicht seit drei Tagen", "de"), Learned.Detect("funktioniert nicht seit drei Tagen", "de"));
        Assert.Equal(rules.Detect("voy a cancelar mi cuenta", "es"), Learned.Detect("voy a cancelar mi cuenta", "es"));
    }

    [Fact]
    public void Detect_AskingHowToComplainWithTheModel_IsNoComplaint()
    {
        Assert.DoesNotContain(Learned.Detect("@Harlowbank how do I make a complaint about a branch visit?", "en"), hit => hit.Label == IntentLabel.Complaint);
    }

    [Fact]
    public void Detect_WithTheModels_AllocatesNothingMoreThanTheRules()
    {
        var compared = 0;
        foreach (var post in IntentEvaluationSet.Load("complaints-model-posts.tsv", "dev"))
        {
            // Warm both (the weights load once), then count the bytes of one reading each, for the posts whose hits
            // have the same labels and phrases (a confidence costs the same bytes whatever its value).
            if (!Learned.Detect(post.Text, "en").Select(hit => (hit.Label, hit.Phrase)).SequenceEqual(Rules.Detect(post.Text, "en").Select(hit => (hit.Label, hit.Phrase))))
            {
                continue;
            }

            var rules = AllocatedBy(() => Rules.Detect(post.Text, "en"));
            var learned = AllocatedBy(() => Learned.Detect(post.Text, "en"));
            Assert.Equal(rules, learned);
            compared++;
        }

        Assert.True(compared >= 200, $"Only {compared} posts read the same with and without the models.");

        // The least of three readings: a collection between the warm-up and a reading can empty the shared array
        // pools (they trim themselves on full collections), and the first rent after that allocates a new buffer
        // which is not the reading's own cost.
        static long AllocatedBy(Func<IReadOnlyList<IntentHit>> detect)
        {
            var least = long.MaxValue;
            for (var reading = 0; reading < 3; reading++)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                GC.KeepAlive(detect());
                least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
            }

            return least;
        }
    }

    [Fact]
    public void Constructor_NullOptions_Throws() =>
        Assert.Throws<ArgumentNullException>(() => new RuleIntentDetector(null!));
}

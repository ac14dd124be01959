using Monitro.Analysis.Intent;

namespace Monitro.Tests.Analysis;

/// <summary>How the learned model's features fold a text: numbers, handles, links and hashtags, sentences, emoji.</summary>
public sealed class IntentModelFeaturesTests
{
    private static readonly RuleSignals NoSignals = new(0, 0, Addressee.None, Question: false, Praise: false, Sarcastic: false);

    [Fact]
    public void Read_NumbersAndHandles_FoldToOneFeature()
    {
        Assert.Equal(NGrams("@brightline on hold 52 mins"), NGrams("@orbitel on hold 7 mins"));
        Assert.Equal(NGrams("#refund please"), NGrams("refund please"));
    }

    [Fact]
    public void Read_Links_FoldToOneWord()
    {
        Assert.Equal(NGrams("@brightline down again https://t.co/x7Rq2 ugh"), NGrams("@orbitel down again http://status.example/incident/9 ugh"));
        Assert.NotEqual(NGrams("down again http ugh"), NGrams("down again https://t.co/x7Rq2 ugh"));
    }

    [Fact]
    public void Read_DifferentWords_DifferentFeatures()
    {
        Assert.NotEqual(NGrams("still waiting"), NGrams("still working"));
    }

    [Fact]
    public void Read_PunctuationEndsASentence_SoTheNextWordOpensOne()
    {
        // "no. why" has the bigram of a sentence start and "why", as "why" at the start of the text has; "no why" does not.
        Assert.Contains(NGrams("why")[1], NGrams("no. why"));
        Assert.DoesNotContain(NGrams("why")[1], NGrams("no why"));
    }

    [Fact]
    public void Read_EmojiAndMarks_AreWordsWithTheirPositions()
    {
        var text = "late again 🙄??";
        var features = Collect(text);

        Assert.Contains(features, feature => text[feature.Start..feature.End] == "🙄");
        Assert.Contains(features, feature => text[feature.Start..feature.End] == "??");
    }

    [Fact]
    public void Read_RuleSignals_AreTheFeaturesAfterTheBuckets()
    {
        var features = new List<(int Index, float Value, int Start, int End)>();
        var sink = new ListSink(features);
        IntentModelFeatures.Read("", new RuleSignals(0.9, 0.1, Addressee.MaybeCompany, Question: true, Praise: false, Sarcastic: false), ref sink);

        Assert.All(features, feature => Assert.InRange(feature.Index, IntentModelFeatures.Buckets, IntentModelFeatures.Count - 1));
        Assert.Contains(features, feature => feature.Index == IntentModelFeatures.ComplaintScoreFeature && Math.Abs(feature.Value - 0.9f) < 1e-6);
        Assert.Equal(IntentModelFeatures.RuleFeatures, features.Count);
    }

    private static List<int> NGrams(string text) => [.. Collect(text).Select(feature => feature.Index)];

    private static List<(int Index, float Value, int Start, int End)> Collect(string text)
    {
        var features = new List<(int Index, float Value, int Start, int End)>();
        var sink = new ListSink(features);
        IntentModelFeatures.Read(text, NoSignals, ref sink);
        return [.. features.Where(feature => feature.Start >= 0)];
    }

    private readonly struct ListSink(List<(int Index, float Value, int Start, int End)> features) : IIntentFeatureSink
    {
        public void Add(int index, float value, int start, int end) => features.Add((index, value, start, end));
    }
}

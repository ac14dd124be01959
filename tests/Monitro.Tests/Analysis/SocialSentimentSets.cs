namespace Monitro.Tests.Analysis;

/// <summary>One labelled post of the project's own sentiment sets.</summary>
/// <param name="Language">The language of the post (en, de, es, fr, pt).</param>
/// <param name="IsTest">Whether the post belongs to the frozen test part (every third post, fixed when the set was written).</param>
/// <param name="Label">The human label.</param>
/// <param name="Rating">The human rating, from -4 to +4 (from -1 to +1 in the casual set; English sets only, 0 otherwise).</param>
/// <param name="Text">The post.</param>
internal sealed record LabelledPost(string Language, bool IsTest, SentimentLabel Label, double Rating, string Text);

/// <summary>Reads the project's English sentiment sets (sentiment-social.tsv, sentiment-tweets.tsv, the fresh, forms, reviews and casual sets, the general tweets) and the de, es, fr, pt sets (sentiment-languages.tsv, sentiment-languages-tweets.tsv, sentiment-languages-blind.tsv).</summary>
internal static class SocialSentimentSets
{
    public static IReadOnlyList<LabelledPost> English() => ReadRated("sentiment-social.tsv");

    public static IReadOnlyList<LabelledPost> EverydayTweets() => ReadRated("sentiment-tweets.tsv");

    /// <summary>The frozen set of everyday posts written before the lexicon and rules were changed for it (all test).</summary>
    public static IReadOnlyList<LabelledPost> FreshShortPosts() => ReadRated("sentiment-fresh-short.tsv");

    /// <summary>The frozen set of tweet-style posts written before the lexicon was grown for real tweets (all test).</summary>
    public static IReadOnlyList<LabelledPost> FreshTweets() => ReadRated("sentiment-fresh-tweets.tsv");

    /// <summary>The frozen set of reviews and opinion paragraphs written before the lexicon and rules were changed for it (all test).</summary>
    public static IReadOnlyList<LabelledPost> FreshLongTexts() => ReadRated("sentiment-fresh-long.tsv");

    /// <summary>The frozen set of short posts in the forms people post (caps, elongations, hashtags, emoji only, slang, comparisons, understatement, mixed posts); all test.</summary>
    public static IReadOnlyList<LabelledPost> FormPosts() => ReadRated("sentiment-forms.tsv");

    /// <summary>The dev part written with <see cref="FormPosts"/>, for tuning.</summary>
    public static IReadOnlyList<LabelledPost> FormPostsDev() => ReadRated("sentiment-forms-dev.tsv");

    /// <summary>The frozen set of reviews and opinion paragraphs written with <see cref="FormPosts"/>; all test.</summary>
    public static IReadOnlyList<LabelledPost> Reviews() => ReadRated("sentiment-reviews.tsv");

    /// <summary>The dev part written with <see cref="Reviews"/>, for tuning.</summary>
    public static IReadOnlyList<LabelledPost> ReviewsDev() => ReadRated("sentiment-reviews-dev.tsv");

    /// <summary>The older dev set of longer texts, beside the frozen <see cref="FreshLongTexts"/>.</summary>
    public static IReadOnlyList<LabelledPost> LongTextsDev() => ReadRated("sentiment-long-dev.tsv");

    /// <summary>The frozen part of the casual short posts (slang, emoji, profanity, sarcasm, idioms, customer care); rated from -1 to +1; all test.</summary>
    public static IReadOnlyList<LabelledPost> CasualPosts() => ReadRated("sentiment-casual.tsv");

    /// <summary>The dev part written with <see cref="CasualPosts"/>, for tuning.</summary>
    public static IReadOnlyList<LabelledPost> CasualPostsDev() => ReadRated("sentiment-casual-dev.tsv");

    /// <summary>The frozen part of the general tweets (daily life, sport, TV and music, weather, politics, travel, food, work, relationships, celebrities, news); all test.</summary>
    public static IReadOnlyList<LabelledPost> GeneralTweets() => ReadRated("sentiment-general.tsv");

    /// <summary>The dev part written with <see cref="GeneralTweets"/>, for tuning.</summary>
    public static IReadOnlyList<LabelledPost> GeneralTweetsDev() => ReadRated("sentiment-general-dev.tsv");

    /// <summary>The frozen part of the chatter tweets (replies and conversations, fan and hobby talk, parents, students, lyrics, irony, mixed feelings, hashtags and emoji, mild everyday posts); all test.</summary>
    public static IReadOnlyList<LabelledPost> ChatterTweets() => ReadRated("sentiment-chatter.tsv");

    /// <summary>The dev part written with <see cref="ChatterTweets"/>, for tuning.</summary>
    public static IReadOnlyList<LabelledPost> ChatterTweetsDev() => ReadRated("sentiment-chatter-dev.tsv");

    /// <summary>The blind set of general English tweets, written without looking at the lexicon or the rules and frozen whole (all test).</summary>
    public static IReadOnlyList<LabelledPost> BlindTweets() => ReadRated("sentiment-blind.tsv");

    /// <summary>
    /// The second blind set of general English tweets, a different mix from the first (replies and conversations, opinions of
    /// people and events, mild feelings, emoticons, slang and profanity used both ways), written without looking at the
    /// lexicon, the rules or the other sets and frozen whole (all test).
    /// </summary>
    public static IReadOnlyList<LabelledPost> BlindReplyTweets() => ReadRated("sentiment-blind-replies.tsv");

    public static IReadOnlyList<LabelledPost> OtherLanguages() =>
        Read("sentiment-languages.tsv", fields => new LabelledPost(fields[0], IsTest(fields[1]), ParseLabel(fields[2]), 0, fields[3]));

    /// <summary>The general tweets in German, Spanish, French and Portuguese (sentiment-languages-tweets.tsv), written before the language lexicons were grown for them.</summary>
    public static IReadOnlyList<LabelledPost> LanguageTweets() =>
        Read("sentiment-languages-tweets.tsv", fields => new LabelledPost(fields[0], IsTest(fields[1]), ParseLabel(fields[2]), 0, fields[3]));

    /// <summary>The blind tweets in German, Spanish, French and Portuguese (sentiment-languages-blind.tsv), written without looking at the language lexicons or rules, each language on its own topics.</summary>
    public static IReadOnlyList<LabelledPost> LanguageBlindTweets() =>
        Read("sentiment-languages-blind.tsv", fields => new LabelledPost(fields[0], IsTest(fields[1]), ParseLabel(fields[2]), 0, fields[3]));

    private static List<LabelledPost> ReadRated(string fileName) =>
        Read(fileName, fields => new LabelledPost(
            "en",
            IsTest(fields[0]),
            ParseLabel(fields[1]),
            double.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture),
            fields[3]));

    private static List<LabelledPost> Read(string fileName, Func<string[], LabelledPost> parse)
    {
        var posts = new List<LabelledPost>();
        foreach (var line in File.ReadLines(SentimentEvaluationSet.Locate(fileName)))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split('\t');
            Assert.True(fields.Length == 4, $"Malformed evaluation line: {line}");
            posts.Add(parse(fields));
        }

        return posts;
    }

    private static bool IsTest(string split) => split switch
    {
        "test" => true,
        "dev" => false,
        _ => throw new InvalidDataException($"Unknown split '{split}'."),
    };

    private static SentimentLabel ParseLabel(string label) => label switch
    {
        "positive" => SentimentLabel.Positive,
        "negative" => SentimentLabel.Negative,
        "neutral" => SentimentLabel.Neutral,
        _ => throw new InvalidDataException($"Unknown label '{label}'."),
    };
}

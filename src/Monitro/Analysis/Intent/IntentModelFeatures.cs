namespace Monitro.Analysis.Intent;

/// <summary>
/// The features of the learned intent model: word unigrams and bigrams of the normalized text, hashed into a fixed
/// number of buckets, and the rules' reading of the text (<see cref="RuleSignals"/>). The training tool and the
/// detector read a text through this one method, so the shipped weights always meet the features they were trained on.
/// </summary>
/// <remarks>
/// Words are folded before hashing: digits become one <c>0</c> per run ("52 mins" and "7 mins" are the same bigram),
/// a handle becomes <c>@</c>, a link (<c>http://…</c> or <c>https://…</c> to the next space) one word for all links, and a hashtag its word. <c>?</c>, <c>!</c> and each emoji or symbol are words of their own;
/// other punctuation ends a sentence, and the first word of a sentence also forms a bigram with the sentence's start
/// ("why …"). The hash is FNV-1a, fixed here, never the runtime's string hash, which changes from process to process.
/// </remarks>
internal static class IntentModelFeatures
{
    /// <summary>The number of hash buckets for n-grams (a power of two).</summary>
    public const int Buckets = 1 << BucketBits;

    /// <summary>The number of features read from the rules, after the buckets: the scores and readings, then one per complaint part.</summary>
    public const int RuleFeatures = ComplaintPartsStart + ComplaintPartCount;

    /// <summary>The length of a weight vector.</summary>
    public const int Count = Buckets + RuleFeatures;

    /// <summary>The index of the feature that carries the rules' complaint score.</summary>
    public const int ComplaintScoreFeature = Buckets + 1;

    /// <summary>The index of the feature that carries the rules' churn-risk score.</summary>
    public const int ChurnScoreFeature = Buckets + 3;

    /// <summary>The index of the feature that says whether the rules' complaint score reaches its threshold.</summary>
    public const int ComplaintDecisionFeature = Buckets + 2;

    /// <summary>The index of the feature that says whether the rules' churn-risk score reaches its threshold.</summary>
    public const int ChurnDecisionFeature = Buckets + 4;

    /// <summary>The names of the rules' features, in the order of their indexes after the buckets (for the training tool's report).</summary>
    public static readonly string[] RuleFeatureNames =
    [
        "bias", "rules' complaint score", "rules find a complaint", "rules' churn score", "rules find churn",
        "addressed to a possible company", "addressed to people only", "asks a question", "praises", "ends in sarcasm",
        "churn shape found", "an ending act", "someone else's ending", "an ending of something else", "staying",
        .. Enumerable.Range(0, ComplaintPartCount).Select(bit => "complaint part: " + (ComplaintParts)(1 << bit)),
    ];

    // The first complaint part's feature, after the buckets; one feature per bit of ComplaintParts.
    private const int ComplaintPartsStart = 15;
    private const int ComplaintPartCount = 23;

    private const int BucketBits = 14;
    private const uint OffsetBasis = 2166136261;
    private const uint Prime = 16777619;
    private const uint SentenceStart = 0x5EED5EED;
    private const uint BigramSalt = 0x9E3779B1;
    private const uint LinkHash = 0x11AC0DE5;

    /// <summary>Passes every feature of a text to a sink.</summary>
    /// <typeparam name="TSink">The sink: a struct, so the call is inlined and nothing is allocated.</typeparam>
    /// <param name="text">The normalized text (lower case, ASCII apostrophes, positions those of the text as written).</param>
    /// <param name="signals">The rules' reading of the text.</param>
    /// <param name="sink">Receives each feature.</param>
    public static void Read<TSink>(ReadOnlySpan<char> text, in RuleSignals signals, ref TSink sink)
        where TSink : struct, IIntentFeatureSink
    {
        sink.Add(Buckets, 1, -1, -1);
        sink.Add(ComplaintScoreFeature, (float)Math.Clamp(signals.ComplaintScore, -2, 3), -1, -1);
        sink.Add(ComplaintDecisionFeature, signals.ComplaintScore >= IntentScoring.ComplaintThreshold ? 1 : 0, -1, -1);
        sink.Add(ChurnScoreFeature, (float)Math.Clamp(signals.ChurnScore, -2, 3), -1, -1);
        sink.Add(ChurnDecisionFeature, signals.ChurnScore >= IntentScoring.ChurnThreshold ? 1 : 0, -1, -1);
        sink.Add(Buckets + 5, signals.Addressee == Addressee.MaybeCompany ? 1 : 0, -1, -1);
        sink.Add(Buckets + 6, signals.Addressee == Addressee.PeopleOnly ? 1 : 0, -1, -1);
        sink.Add(Buckets + 7, signals.Question ? 1 : 0, -1, -1);
        sink.Add(Buckets + 8, signals.Praise ? 1 : 0, -1, -1);
        sink.Add(Buckets + 9, signals.Sarcastic ? 1 : 0, -1, -1);
        sink.Add(Buckets + 10, signals.Churn.Found ? 1 : 0, -1, -1);
        sink.Add(Buckets + 11, signals.Churn.EndingAct ? 1 : 0, -1, -1);
        sink.Add(Buckets + 12, signals.Churn.SomeoneElse ? 1 : 0, -1, -1);
        sink.Add(Buckets + 13, signals.Churn.SomethingElse ? 1 : 0, -1, -1);
        sink.Add(Buckets + 14, signals.Churn.Staying ? 1 : 0, -1, -1);
        for (var bit = 0; bit < ComplaintPartCount; bit++)
        {
            sink.Add(Buckets + ComplaintPartsStart + bit, ((int)signals.Parts & (1 << bit)) != 0 ? 1 : 0, -1, -1);
        }

        var previous = SentenceStart;
        var previousStart = -1;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            int end;
            uint hash;
            if (IsLinkStart(text, i))
            {
                end = i;
                while (end < text.Length && !char.IsWhiteSpace(text[end]))
                {
                    end++;
                }

                hash = LinkHash;
            }
            else if (IntentText.IsWordChar(c) || ((c is '@' or '#') && i + 1 < text.Length && IntentText.IsWordChar(text[i + 1])))
            {
                end = WordEnd(text, c is '@' or '#' ? i + 1 : i);
                hash = c == '@' ? Hash(OffsetBasis, '@') : HashWord(c == '#' ? text[(i + 1)..end] : text[i..end]);
            }
            else if (c is '?' or '!')
            {
                end = i + 1;
                while (end < text.Length && text[end] is '?' or '!')
                {
                    end++;
                }

                hash = Hash(OffsetBasis, c);
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                end = i + 2;
                hash = Hash(Hash(OffsetBasis, c), text[i + 1]);
            }
            else if (char.IsSymbol(c))
            {
                end = i + 1;
                hash = Hash(OffsetBasis, c);
            }
            else
            {
                if (c is '.' or ',' or ';' or ':' or '\n' or '(' or ')')
                {
                    previous = SentenceStart;
                    previousStart = -1;
                }

                i++;
                continue;
            }

            sink.Add(Bucket(hash), 1, i, end);
            sink.Add(Bucket((previous * BigramSalt) ^ hash ^ BigramSalt), 1, previousStart < 0 ? i : previousStart, end);
            previous = hash;
            previousStart = i;
            i = end;
        }
    }

    /// <summary>Returns whether a feature is part of the rules' reading for a model: its own score, and for the complaint model the complaint's parts.</summary>
    /// <param name="index">The feature.</param>
    /// <param name="ruleScoreFeature">The model's score feature (<see cref="ComplaintScoreFeature"/> or <see cref="ChurnScoreFeature"/>).</param>
    /// <returns><see langword="true"/> when the rules' phrase explains what the feature adds.</returns>
    public static bool IsRulesReadingOf(int index, int ruleScoreFeature) =>
        index == ruleScoreFeature || (ruleScoreFeature == ComplaintScoreFeature && index >= Buckets + ComplaintPartsStart);

    // A link is one word however it is spelled: its letters would name a post, not a kind of post.
    private static bool IsLinkStart(ReadOnlySpan<char> text, int i) =>
        text[i] == 'h' && (i == 0 || !IntentText.IsWordChar(text[i - 1])) && text[i..].StartsWith("http", StringComparison.Ordinal)
        && (text[(i + 4)..].StartsWith("://", StringComparison.Ordinal) || text[(i + 4)..].StartsWith("s://", StringComparison.Ordinal));

    private static int WordEnd(ReadOnlySpan<char> text, int start)
    {
        var end = start;
        while (end < text.Length && (IntentText.IsWordChar(text[end]) || (text[end] == '\'' && end + 1 < text.Length && IntentText.IsWordChar(text[end + 1]))))
        {
            end++;
        }

        return end;
    }

    // A run of digits hashes as one 0.
    private static uint HashWord(ReadOnlySpan<char> word)
    {
        var hash = OffsetBasis;
        for (var i = 0; i < word.Length; i++)
        {
            if (char.IsAsciiDigit(word[i]))
            {
                if (i > 0 && char.IsAsciiDigit(word[i - 1]))
                {
                    continue;
                }

                hash = Hash(hash, '0');
            }
            else
            {
                hash = Hash(hash, word[i]);
            }
        }

        return hash;
    }

    private static uint Hash(uint hash, char c) => (hash ^ c) * Prime;

    // The high bits of a multiplicative mix: FNV's low bits alone spread short words poorly.
    private static int Bucket(uint hash) => (int)((hash * 2654435761u) >> (32 - BucketBits));
}

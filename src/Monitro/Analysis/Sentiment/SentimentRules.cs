using System.Collections.Frozen;

namespace Monitro.Analysis.Sentiment;

/// <summary>The constants and word lists of the rule-based sentiment analysis (VADER-style rules).</summary>
internal static class SentimentRules
{
    /// <summary>Added to (or, for negative words, taken from) a word's valence by a booster just before it.</summary>
    public const double BoosterIncrement = 0.293;

    /// <summary>Added by a dampener just before a word (it moves the valence toward zero).</summary>
    public const double DampenerIncrement = -0.293;

    /// <summary>Multiplies a word's valence when a negation is among the three words before it.</summary>
    public const double NegationScalar = -0.74;

    /// <summary>Added in the word's direction when the word is in capitals among words that are not.</summary>
    public const double CapsIncrement = 0.733;

    /// <summary>Added in the text's direction per exclamation mark.</summary>
    public const double ExclamationIncrement = 0.292;

    /// <summary>Exclamation marks beyond this count add nothing.</summary>
    public const int MaxExclamations = 4;

    /// <summary>Added in the text's direction per question mark when there are two or three.</summary>
    public const double QuestionIncrement = 0.18;

    /// <summary>The total added for more than three question marks.</summary>
    public const double QuestionCap = 0.96;

    /// <summary>Weight of the sentiment words before "but".</summary>
    public const double BeforeButWeight = 0.5;

    /// <summary>Weight of the sentiment words after "but".</summary>
    public const double AfterButWeight = 1.5;

    /// <summary>Multiplies a word's valence after "never so" / "never this" (emphasis, not negation).</summary>
    public const double NeverSoScalar = 1.25;

    /// <summary>The alpha of the normalization x / sqrt(x² + alpha).</summary>
    public const double NormalizationAlpha = 15;

    /// <summary>The largest absolute valence of a lexicon entry.</summary>
    public const double MaxValence = 4;

    /// <summary>The longest opening clause (in words) read as ironic praise when the rest of the text is negative.</summary>
    public const int MaxSarcasticOpening = 3;

    /// <summary>The longest closing sentence (in words) read as ironic praise when the text before it is negative.</summary>
    public const int MaxSarcasticClosing = 3;

    /// <summary>The sum of valences at or below which the text before a closing sentence of praise counts as negative.</summary>
    public const double MaxSarcasticClosingRest = -0.5;

    /// <summary>The valence of an English post that opens with "why" or "how come" and has no sentiment word (see <see cref="RhetoricalQuestion"/>).</summary>
    public const double RhetoricalQuestionValence = -1.0;

    /// <summary>The emoji that marks a post as ironic ("great start to the week 🙃"): its praise is read as its opposite.</summary>
    public const string IronyMark = "\U0001F643";

    /// <summary>How far back (in words) boosters and negations reach.</summary>
    public const int Window = 3;

    /// <summary>Gets the weight of a booster by its distance (1, 2 or 3 words back).</summary>
    public static double DistanceFactor(int distance) => distance switch
    {
        1 => 1.0,
        2 => 0.95,
        _ => 0.9,
    };

    /// <summary>Gets the single words that raise or lower the intensity of the next sentiment word.</summary>
    public static FrozenDictionary<string, double> Boosters { get; } = BuildBoosters();

    /// <summary>Gets the single words that negate the sentiment words after them (contractions in n't are recognized by their ending).</summary>
    public static FrozenSet<string> Negations { get; } = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "nowhere", "cannot", "without", "zero",
        "rarely", "seldom", "hardly", "barely", "scarcely", "despite", "least", "less",
        "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "wont", "cant", "couldnt", "wouldnt",
        "shouldnt", "havent", "hasnt", "hadnt", "aint", "mustnt", "neednt", "mightnt", "shant");

    /// <summary>Gets the multi-word rules that take precedence over the lexicon (idioms and phrase boosters).</summary>
    public static IReadOnlyList<PhraseRule> Idioms { get; } =
    [
        new("the bomb", SentimentUnitKind.Word, 3.0),
        new("yeah right", SentimentUnitKind.Word, -2.0),
        new("yea right", SentimentUnitKind.Word, -2.0),
        new("could be better", SentimentUnitKind.Word, -1.2),
        new("could have been better", SentimentUnitKind.Word, -1.2),
        new("can't wait", SentimentUnitKind.Word, 1.8),
        new("cannot wait", SentimentUnitKind.Word, 1.8),
        new("kind of", SentimentUnitKind.Booster, DampenerIncrement),
        new("sort of", SentimentUnitKind.Booster, DampenerIncrement),
        new("a bit", SentimentUnitKind.Booster, DampenerIncrement),
        new("a little", SentimentUnitKind.Booster, DampenerIncrement),
        new("a tad", SentimentUnitKind.Booster, DampenerIncrement),
        new("just enough", SentimentUnitKind.Booster, DampenerIncrement),
        new("never so", SentimentUnitKind.Intensifier, NeverSoScalar),
        new("never this", SentimentUnitKind.Intensifier, NeverSoScalar),

        // "Could not be more disappointed" is emphasis, not negation.
        new("could not be more", SentimentUnitKind.Intensifier, NeverSoScalar),
        new("couldn't be more", SentimentUnitKind.Intensifier, NeverSoScalar),
        new("couldnt be more", SentimentUnitKind.Intensifier, NeverSoScalar),
        new("cannot be more", SentimentUnitKind.Intensifier, NeverSoScalar),
        new("can't be more", SentimentUnitKind.Intensifier, NeverSoScalar),

        // "I've never been so bored" is emphasis too: the negation belongs to the comparison, not to the word.
        new("never been so", SentimentUnitKind.Intensifier, NeverSoScalar),
        new("never been this", SentimentUnitKind.Intensifier, NeverSoScalar),
        new("never been more", SentimentUnitKind.Intensifier, NeverSoScalar),
        new("never been such", SentimentUnitKind.Intensifier, NeverSoScalar),
        new("never felt so", SentimentUnitKind.Intensifier, NeverSoScalar),
        new("never felt this", SentimentUnitKind.Intensifier, NeverSoScalar),
        new("never felt more", SentimentUnitKind.Intensifier, NeverSoScalar),
        new("never seen such", SentimentUnitKind.Intensifier, NeverSoScalar),
        new("never seen so", SentimentUnitKind.Intensifier, NeverSoScalar),

        // Fillers that only say the writer is frank or surprised: their "not", "no" or swear word judges nothing.
        new("not gonna lie", SentimentUnitKind.Blocker, 0),
        new("not going to lie", SentimentUnitKind.Blocker, 0),
        new("not even gonna lie", SentimentUnitKind.Blocker, 0),
        new("no lie", SentimentUnitKind.Blocker, 0),
        new("not kidding", SentimentUnitKind.Blocker, 0),
        new("no kidding", SentimentUnitKind.Blocker, 0),
        new("not even joking", SentimentUnitKind.Blocker, 0),
        new("holy shit", SentimentUnitKind.Blocker, 0),
        new("holy crap", SentimentUnitKind.Blocker, 0),
        new("holy fuck", SentimentUnitKind.Blocker, 0),
        new("holy hell", SentimentUnitKind.Blocker, 0),

        // "I'm crying" is laughter as often as tears: what follows it says which.
        new("i'm crying", SentimentUnitKind.Blocker, 0),
        new("im crying", SentimentUnitKind.Blocker, 0),
        new("without doubt", SentimentUnitKind.Blocker, 0),
        new("without a doubt", SentimentUnitKind.Blocker, 0),
        new("no doubt", SentimentUnitKind.Blocker, 0),
        new("not only", SentimentUnitKind.Blocker, 0),
        new("not just", SentimentUnitKind.Blocker, 0),
        new("no wonder", SentimentUnitKind.Blocker, 0),
        new("at least", SentimentUnitKind.Blocker, 0),
        new("very least", SentimentUnitKind.Blocker, 0),

        // Neutral senses of sentiment words in customer-care and software text.
        new("outstanding balance", SentimentUnitKind.Blocker, 0),
        new("outstanding invoice", SentimentUnitKind.Blocker, 0),
        new("outstanding amount", SentimentUnitKind.Blocker, 0),
        new("outstanding payment", SentimentUnitKind.Blocker, 0),
        new("sick leave", SentimentUnitKind.Blocker, 0),
        new("sick day", SentimentUnitKind.Blocker, 0),
        new("kill a process", SentimentUnitKind.Blocker, 0),
        new("kill the process", SentimentUnitKind.Blocker, 0),
        new("fine print", SentimentUnitKind.Blocker, 0),
        new("cold brew", SentimentUnitKind.Blocker, 0),
        new("alarm set", SentimentUnitKind.Blocker, 0),
        new("alarm clock", SentimentUnitKind.Blocker, 0),
    ];

    /// <summary>Returns whether a word negates what follows it.</summary>
    public static bool IsNegation(ReadOnlySpan<char> word) =>
        NegationLookup.Contains(word) || word.EndsWith("n't", StringComparison.OrdinalIgnoreCase);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NegationLookup =
        Negations.GetAlternateLookup<ReadOnlySpan<char>>();

    private static FrozenDictionary<string, double> BuildBoosters()
    {
        var boosters = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        string[] up =
        [
            "absolutely", "amazingly", "awfully", "bloody", "completely", "considerably", "crazy", "damn", "decidedly", "deeply", "effing",
            "enormously", "entirely", "especially", "exceptionally", "extremely", "fabulously", "flipping", "flippin",
            "freaking", "freakin", "frickin", "fricking", "frigging", "fucking", "fully", "greatly", "hella", "highly",
            "hugely", "incredibly", "insanely", "intensely", "literally", "majorly", "mega", "more", "most", "particularly", "pretty", "purely",
            "quite", "really", "remarkably", "ridiculously", "seriously", "so", "soo", "sooo", "soooo", "substantially",
            "super", "thoroughly", "too", "totally", "tremendously", "truly", "uber", "unbelievably", "unusually",
            "utterly", "very", "wildly",

            // Slang boosters that are sentiment words alone ("mad good", "stupid fast", "dead tired", "proper good"):
            // they boost when a sentiment word follows and are read as themselves otherwise.
            "mad", "stupid", "dead", "proper", "wicked", "insane", "highkey",
        ];
        string[] down =
        [
            "almost", "fairly", "kinda", "kindof", "little", "marginally", "mildly", "moderately", "occasionally",
            "partly", "rather", "reasonably", "relatively", "slightly", "somewhat", "sorta", "sortof", "lowkey",
        ];
        foreach (var word in up)
        {
            boosters[word] = BoosterIncrement;
        }

        foreach (var word in down)
        {
            boosters[word] = DampenerIncrement;
        }

        return boosters.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}

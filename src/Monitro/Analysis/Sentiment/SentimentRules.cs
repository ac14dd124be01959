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

    /// <summary>Multiplies a superlative's valence when "ever" follows it in its sentence ("the rudest people i've ever met"; see <see cref="SuperlativeEver"/>).</summary>
    public const double SuperlativeEverScalar = 1.5;

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

    /// <summary>The valence of an English post with no sentiment word that exclaims (see <see cref="WordlessExcitement"/>), before its exclamation marks add to it.</summary>
    public const double WordlessExcitementValence = 0.6;

    /// <summary>The emoji that marks a post as ironic ("great start to the week 🙃"): its praise is read as its opposite.</summary>
    public const string IronyMark = "\U0001F643";

    /// <summary>The rolling eyes, which mark praise beside them as sarcasm as the upside-down face does ("so helpful as always 🙄").</summary>
    public const string EyeRoll = "\U0001F644";

    /// <summary>Returns whether a text carries a mark of irony (🙃 or 🙄), so that its praise is read as its opposite.</summary>
    /// <param name="text">The text.</param>
    /// <returns><see langword="true"/> when the text contains 🙃 or 🙄.</returns>
    public static bool IsIronic(string text) =>
        text.Contains(IronyMark, StringComparison.Ordinal) || text.Contains(EyeRoll, StringComparison.Ordinal);

    /// <summary>
    /// Gets the emoji of overwhelm: loud crying, pleading eyes, the scream of shock and the skull are tears of joy, being
    /// touched, amazement and dying of laughter as often as grief or fright ("we won 😭😭", "my cat sleeping on my feet 🥺",
    /// "she just broke the world record 😱", "this meme 💀"). They weigh as rated,
    /// in the direction of the rest of the text; with nothing positive beside them they read as rated (negative).
    /// </summary>
    public static IReadOnlyList<string> OverwhelmEmoji => OverwhelmEmojiList;

    // An array, so the check per emoji token enumerates without allocating.
    private static readonly string[] OverwhelmEmojiList = ["\U0001F62D", "\U0001F97A", "\U0001F631", "\U0001F480"];

    /// <summary>
    /// Gets the English words of repetition: a trouble come back weighs more than the trouble once ("locked myself out
    /// AGAIN", "grey again. of course", "another 3 hour delay"). Like the <see cref="OverwhelmEmoji"/> they weigh as rated
    /// (mildly negative) in the direction of the rest of the text, so praise said again stays praise ("we won again!!"),
    /// and a negation does not flip them ("not again").
    /// </summary>
    public static FrozenSet<string> RepetitionWords { get; } = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "again", "another");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> RepetitionLookup =
        RepetitionWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Returns whether a word is one of the <see cref="RepetitionWords"/>.</summary>
    public static bool IsRepetitionWord(ReadOnlySpan<char> word) => RepetitionLookup.Contains(word);

    /// <summary>Returns whether a token is one of the <see cref="OverwhelmEmoji"/>.</summary>
    public static bool IsOverwhelmEmoji(ReadOnlySpan<char> token)
    {
        foreach (var emoji in OverwhelmEmojiList)
        {
            if (token.SequenceEqual(emoji))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Returns whether a word of a post matches a word of a phrase: case aside, and with <c>it</c>, <c>this</c> and
    /// <c>that</c> standing for each other, as people write a set phrase either way ("can't take it anymore", "can't take
    /// this anymore", "so over that").
    /// </summary>
    public static bool PhraseWordsMatch(ReadOnlySpan<char> word, string phraseWord) =>
        word.Equals(phraseWord, StringComparison.OrdinalIgnoreCase) || (IsPointingWord(phraseWord) && IsPointingWord(word));

    private static bool IsPointingWord(ReadOnlySpan<char> word) =>
        word.Equals("it", StringComparison.OrdinalIgnoreCase) || word.Equals("this", StringComparison.OrdinalIgnoreCase)
        || word.Equals("that", StringComparison.OrdinalIgnoreCase);

    /// <summary>The valence a negation turns when it says an expected event did not happen (see <see cref="ExpectedEvents"/>): "didn't arrive" reads as -1.11.</summary>
    public const double ExpectedEventValence = 1.5;

    /// <summary>
    /// Gets the English verbs of things people expect to happen (a parcel arriving, an app working, a friend replying,
    /// sleep): alone they score nothing; negated they are a trouble ("my parcel never arrived", "nobody replied",
    /// "didn't sleep at all", "the app won't load").
    /// </summary>
    public static FrozenSet<string> ExpectedEvents { get; } = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "work", "works", "worked", "arrive", "arrives", "arrived", "come", "came", "turn", "turned", "show", "showed",
        "reply", "replied", "replies", "respond", "responded", "answer", "answered", "answers", "load", "loads", "loaded",
        "sleep", "slept", "deliver", "delivered", "help", "helped", "helps", "call", "called", "text", "texted", "listen",
        "listened", "listens", "start", "starts", "started", "open", "opens", "opened", "charge", "charges", "charging",
        "connect", "connects", "connected", "sync", "syncs", "synced", "pay", "paid");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ExpectedEventLookup =
        ExpectedEvents.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Returns whether a word is one of the <see cref="ExpectedEvents"/>.</summary>
    public static bool IsExpectedEvent(ReadOnlySpan<char> word) => ExpectedEventLookup.Contains(word);

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

    /// <summary>
    /// Gets the English endings tried on a word the lexicon does not have, with what replaces them: plurals and verb
    /// forms (<c>annoys</c>, <c>loathed</c>, <c>sobbing</c>), adverbs and nouns (<c>dreadfully</c>, <c>sneakily</c>,
    /// <c>smugness</c>) and superlatives (<c>dreariest</c>). A form found this way is rated as its stem. Comparatives in
    /// <c>-er</c> are left out: most English words in <c>-er</c> are nouns whose sense differs (<c>number</c>,
    /// <c>career</c>, <c>twitter</c>); the comparatives of common words are in the lexicon. Forms whose common sense
    /// differs from their stem (<c>goods</c>, <c>lately</c>, <c>treatment</c>) are in the lexicon with their own rating
    /// (often 0), so the endings never reach them.
    /// </summary>
    public static IReadOnlyList<(string Ending, string Replacement)> WordEndings { get; } = BuildWordEndings();

    /// <summary>Gets the English word beginnings that make a word the opposite of its rest (<c>unfunny</c>, <c>dishonest</c>, <c>nontoxic</c>); the rest's valence is negated as by "not".</summary>
    public static IReadOnlyList<string> OppositePrefixes { get; } = ["un", "dis", "non"];

    /// <summary>The shortest English stem an ending or a prefix may leave: three-letter stems (<c>win</c> in <c>wines</c>, <c>rob</c> in <c>robes</c>, <c>sob</c> in <c>sobbing</c>) are too often another word.</summary>
    public const int MinimumStemLength = 4;

    /// <summary>Returns whether a word negates what follows it.</summary>
    public static bool IsNegation(ReadOnlySpan<char> word) =>
        NegationLookup.Contains(word) || word.EndsWith("n't", StringComparison.OrdinalIgnoreCase);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NegationLookup =
        Negations.GetAlternateLookup<ReadOnlySpan<char>>();

    private static List<(string Ending, string Replacement)> BuildWordEndings()
    {
        List<(string Ending, string Replacement)> endings =
        [
            ("iness", "y"), ("ness", ""), ("ily", "y"), ("ally", ""), ("ibly", "ible"), ("ably", "able"), ("bly", "ble"), ("ply", "ple"), ("tly", "tle"), ("ly", ""),
            ("ies", "y"), ("ied", "y"), ("ier", "y"), ("iest", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"),
            ("es", ""), ("s", ""), ("est", ""), ("est", "e"), ("ment", ""),
        ];

        // A doubled final consonant before -ed and -ing (stopped, gripping, plodding) is single in the stem.
        foreach (var consonant in "bdgklmnprtvz")
        {
            endings.Add(($"{consonant}{consonant}ed", consonant.ToString()));
            endings.Add(($"{consonant}{consonant}ing", consonant.ToString()));
        }

        return endings;
    }

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

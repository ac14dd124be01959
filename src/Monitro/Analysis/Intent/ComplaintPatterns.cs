using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Monitro.Analysis.Intent;

/// <summary>
/// The cues of a complaint that are patterns rather than phrases: how long something took, how often it happened,
/// a "why" question, a scare-quoted promise, a sarcastic last word, the facts of a product (<see cref="ProductFacts"/>),
/// and asking how to complain or passing on news (<see cref="ReportedNews"/>), which are not complaints.
/// </summary>
internal static partial class ComplaintPatterns
{
    /// <summary>"for three days", "47 minutes", "2 weeks": waiting is the commonest complaint.</summary>
    public const double DurationWeight = 0.45;

    /// <summary>"four times", "twice", "the 5th time", "another week, another outage": it keeps happening.</summary>
    public const double RepetitionWeight = 0.45;

    /// <summary>"why is my order still not here?": a question that is a reproach.</summary>
    public const double WhyWeight = 0.6;

    /// <summary>"do you guys even test patches?", "does the 66 actually exist?": a question that doubts, not asks.</summary>
    public const double ReproachWeight = 0.6;

    /// <summary>"your call is important to us": words quoted back at the company.</summary>
    public const double ScareQuoteWeight = 0.35;

    /// <summary>"… Nice." or "… Great help" after a complaint: the praise is sarcastic, and adds to the complaint.</summary>
    public const double SarcasticEndWeight = 0.6;

    /// <summary>
    /// The support a text needs before its short praising end reads as sarcasm: a medium cue with company (a medium cue
    /// alone may be a question: "is anyone else on the beta? it is amazing").
    /// </summary>
    public const double SarcasmNeedsSupport = 0.7;

    /// <summary>
    /// The support a statement addressed to a company needs before its short praising end reads as sarcasm: one medium
    /// cue ("@Reelhouse subtitles out of sync on everything. great job").
    /// </summary>
    public const double AddressedSarcasmNeedsSupport = 0.6;

    /// <summary>"paid £90 for a seat", "charged me $40": money spent, told to the company, is mostly money regretted.</summary>
    public const double MoneyWeight = 0.35;

    /// <summary>"how do I get a refund?" asks for a way to complain; it is a question.</summary>
    public const double HowToWeight = -0.9;

    // Words that end a complaint sarcastically when they stand in a short last sentence.
    private static readonly HashSet<string> SarcasticWords = new(StringComparer.Ordinal)
    {
        "thank", "thanks", "cheers", "love", "loving", "great", "brilliant", "amazing", "awesome", "fantastic",
        "excellent", "lovely", "impressed", "superb", "perfect", "best", "happy", "delighted", "nice", "good",
        "classy", "cool", "fun", "lol", "lmao", "genius", "helpful", "help", "wonderful", "marvellous", "splendid",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SarcasticLookup = SarcasticWords.GetAlternateLookup<ReadOnlySpan<char>>();

    // Words without which a pattern cannot match: a vectorized search for them skips most regular expressions on most posts.
    private static readonly SearchValues<string> TimeUnits = SearchValues.Create(["min", "hour", "hr", "day", "night", "week", "month", "year"], StringComparison.Ordinal);
    private static readonly SearchValues<string> Repeats = SearchValues.Create(["time", "twice", "another"], StringComparison.Ordinal);
    private static readonly SearchValues<string> HowToStarts = SearchValues.Create(["how ", "where ", "what", "who ", "can "], StringComparison.Ordinal);
    private static readonly SearchValues<string> Doubts = SearchValues.Create(["even", "actually", "at all"], StringComparison.Ordinal);
    private static readonly SearchValues<char> Quotes = SearchValues.Create("\"“");
    private static readonly SearchValues<char> Currencies = SearchValues.Create("£$€");

    /// <summary>Adds the pattern cues found in a normalized text (lower case) to a complaint score.</summary>
    /// <param name="text">The normalized text.</param>
    /// <param name="complaint">The complaint score so far, from its phrases; receives each cue found.</param>
    /// <param name="addressedStatement">Whether the text is a statement addressed to someone (see <see cref="AddressedCue"/>).</param>
    /// <returns>The patterns found; <see cref="ComplaintParts.Sarcasm"/> when the text ends sarcastically, so its praise does not count against the complaint.</returns>
    // Per matched post: compiled optimized at once (a one-core host runs it unoptimized for most of a stream).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ComplaintParts Add(ReadOnlySpan<char> text, ref ScoredIntent complaint, bool addressedStatement)
    {
        var parts = ComplaintParts.None;
        ProductFacts.Add(text, ref complaint);
        if (text.ContainsAny(Currencies) && TryFindFirst(MoneySpent(), text, out var moneyStart, out var moneyEnd))
        {
            complaint.Add(MoneyWeight, moneyStart, moneyEnd, ruleIndex: int.MaxValue);
            parts |= ComplaintParts.Money;
        }

        if (TryFindDuration(text, out var start, out var end))
        {
            complaint.Add(DurationWeight, start, end, ruleIndex: int.MaxValue);
            parts |= ComplaintParts.Duration;
        }

        if (text.ContainsAny(Repeats) && TryFindFirst(Repetition(), text, out start, out end))
        {
            complaint.Add(RepetitionWeight, start, end, ruleIndex: int.MaxValue);
            parts |= ComplaintParts.Repetition;
        }

        if (text.Contains("why", StringComparison.Ordinal) && TryFindFirst(WhyQuestion(), text, out start, out end))
        {
            complaint.Add(WhyWeight, start + text[start..end].LastIndexOf("why", StringComparison.Ordinal), end, ruleIndex: int.MaxValue);
            parts |= ComplaintParts.WhyQuestion;
        }

        if (text.ContainsAny(Doubts) && TryFindFirst(Reproach(), text, out start, out end))
        {
            complaint.Add(ReproachWeight, start, end, ruleIndex: int.MaxValue);
            parts |= ComplaintParts.Reproach;
        }

        if (text.ContainsAny(Quotes) && TryFindFirst(ScareQuote(), text, out start, out end))
        {
            complaint.Add(ScareQuoteWeight, start, end, ruleIndex: int.MaxValue);
        }

        if (text.ContainsAny(HowToStarts) && HowTo().IsMatch(text) && !Persisting().IsMatch(text))
        {
            complaint.Add(HowToWeight, 0, 0, ruleIndex: int.MaxValue);
            parts |= ComplaintParts.HowTo;
        }

        // Only a text with a complaint cue can be news of trouble; the check is skipped on every other post.
        if (complaint.Support > 0 && ReportedNews.IsNews(text))
        {
            complaint.Add(ReportedNews.Weight, 0, 0, ruleIndex: int.MaxValue);
            parts |= ComplaintParts.News;
        }

        var sarcastic = complaint.Support >= (addressedStatement ? AddressedSarcasmNeedsSupport : SarcasmNeedsSupport) && EndsWithShortPraise(text, out start, out end);
        if (sarcastic)
        {
            complaint.Add(SarcasticEndWeight, start, end, ruleIndex: int.MaxValue);
            parts |= ComplaintParts.Sarcasm;
        }

        return parts;
    }

    // A number and a unit of time, except a deadline that was met ("in 48 hours", "within a day") or a schedule ("4 days a week").
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryFindDuration(ReadOnlySpan<char> text, out int start, out int end)
    {
        start = end = 0;
        if (!text.ContainsAny(TimeUnits))
        {
            return false;
        }

        foreach (var match in Duration().EnumerateMatches(text))
        {
            start = match.Index;
            end = match.Index + match.Length;
            var position = start;
            var before = IntentText.PreviousWord(text, ref position);
            if (before.SequenceEqual("in") || before.SequenceEqual("within") || before.SequenceEqual("under") || before.SequenceEqual("every")
                || text[end..].StartsWith(" a week", StringComparison.Ordinal))
            {
                continue;
            }

            return true;
        }

        start = end = 0;
        return false;
    }

    /// <summary>Finds the first match of a pattern in a text.</summary>
    /// <param name="regex">The pattern.</param>
    /// <param name="text">The normalized text.</param>
    /// <param name="start">The start of the match.</param>
    /// <param name="end">The end of the match.</param>
    /// <returns><see langword="true"/> when the pattern matches.</returns>
    internal static bool TryFindFirst(Regex regex, ReadOnlySpan<char> text, out int start, out int end)
    {
        foreach (var match in regex.EnumerateMatches(text))
        {
            start = match.Index;
            end = match.Index + match.Length;
            return true;
        }

        start = end = 0;
        return false;
    }

    // The last sentence of a text that has more than one is at most three words, one of them praise, or at most five
    // words opening with praise ("great start to the day").
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool EndsWithShortPraise(ReadOnlySpan<char> text, out int start, out int end)
    {
        start = end = 0;
        var trimmed = text.TrimEnd(" .!?\n");
        var boundary = trimmed.LastIndexOfAny(".!?\n");
        if (boundary < 0)
        {
            return false;
        }

        var sentence = trimmed[(boundary + 1)..];
        var words = 0;
        var praised = false;
        var opensWithPraise = false;
        foreach (var range in sentence.SplitAny(" ,"))
        {
            var word = sentence[range];
            if (word.IsEmpty)
            {
                continue;
            }

            words++;
            var praise = SarcasticLookup.Contains(word.Trim("'\"🙂🙃😊"));
            praised |= praise;
            opensWithPraise |= praise && words == 1;
        }

        if (!praised || words > (opensWithPraise ? 5 : 3))
        {
            return false;
        }

        start = boundary + 1;
        end = trimmed.Length;
        return true;
    }

    [GeneratedRegex(@"\b(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|couple of)\s+(minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|months?|years?)\b|\bday (\d+|two|three|four|five|six|seven|eight|nine|ten)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Duration();

    [GeneratedRegex(@"\b(\d+|two|three|four|five|six|several|multiple|many)\s+times\b|\btwice\b|\b\d+(st|nd|rd|th) time\b|\banother \w+, another\b", RegexOptions.CultureInvariant)]
    private static partial Regex Repetition();

    [GeneratedRegex(@"(^|[.!?]\s*|@\w+\s+)why\b", RegexOptions.CultureInvariant)]
    private static partial Regex WhyQuestion();

    [GeneratedRegex(@"\b(do|does|did|are|is|can|will|have|has)\s+(you|u|they|anyone|anybody|your \w+|the \w+)\b[^.!?\n]{0,25}?\b(even|actually|at all)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Reproach();

    [GeneratedRegex(@"\b(paid|paying|pay|charged|charging|charge)\s+(me\s+|us\s+|you\s+)?[£$€]\s?\d", RegexOptions.CultureInvariant)]
    private static partial Regex MoneySpent();

    [GeneratedRegex("[\"“][^\"“”]{2,40}[\"”]", RegexOptions.CultureInvariant)]
    private static partial Regex ScareQuote();

    [GeneratedRegex(@"\b(how (do|can|would|should) (i|we|you)|where (do|can|should) i|what's the (best way|process)|what is the (best way|process)|what's the complaint|who do i (speak|talk|contact)|can (i|we) (get|claim|have) a)\b", RegexOptions.CultureInvariant)]
    private static partial Regex HowTo();

    [GeneratedRegex(@"\b(still|never|again|why)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Persisting();
}

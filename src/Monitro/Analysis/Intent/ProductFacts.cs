using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Monitro.Analysis.Intent;

/// <summary>
/// Complaints told by the facts of a product or service alone, with no word of feeling: what it was made of ("the
/// burrito was 80% rice"), what came instead of what was ordered ("ordered 2 large, got 2 small"), two prices where
/// one was expected ("quote online £410, phone price £530"), a failure that recurs on a clock ("logs me out every 5
/// min") and a wait told by two times of day ("check in at 3pm, room ready at 6:40pm").
/// </summary>
/// <remarks>
/// Each fact needs company (the tag of a company, a negation, "my"): facts are also told without complaint.
/// </remarks>
internal static partial class ProductFacts
{
    /// <summary>"was 80% rice", "were half ice": what a product was made of, told as a share.</summary>
    public const double ShareWeight = 0.6;

    /// <summary>"ordered chicken, got beef", "the bed was a sofa bed. we booked a king": what came instead.</summary>
    public const double InsteadWeight = 0.6;

    /// <summary>"from £98 to £247", "£410 online, £530 on the phone": two prices of one thing.</summary>
    public const double PricesWeight = 0.35;

    /// <summary>"every 5 min", "every few seconds": a failure that recurs on a clock.</summary>
    public const double RecurringWeight = 0.45;

    /// <summary>"at the desk at 7pm, driving away at 9pm": a wait told by the clock.</summary>
    public const double ClockWaitWeight = 0.45;

    // Words without which a fact cannot be told: a vectorized search for them skips the regular expressions on most posts.
    // "%" is looked for on its own: with a one-character value the words' search could not take its fastest form.
    private static readonly SearchValues<string> ShareWords = SearchValues.Create(["half", "mostly", "basically"], StringComparison.Ordinal);
    private static readonly SearchValues<string> OrderWords = SearchValues.Create(["order", "booked", "paid for", "asked for", "requested", "reserved"], StringComparison.Ordinal);
    private static readonly SearchValues<char> Currencies = SearchValues.Create("£$€");
    private static readonly SearchValues<string> Clock = SearchValues.Create(["am", "pm"], StringComparison.Ordinal);
    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    /// <summary>Adds the facts found in a normalized text (lower case) to a complaint score.</summary>
    /// <param name="text">The normalized text.</param>
    /// <param name="complaint">The complaint score; receives each fact found.</param>
    // Per matched post: compiled optimized at once (a one-core host runs it unoptimized for most of a stream).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Add(ReadOnlySpan<char> text, ref ScoredIntent complaint)
    {
        if ((text.Contains('%') || text.ContainsAny(ShareWords)) && ComplaintPatterns.TryFindFirst(Share(), text, out var start, out var end))
        {
            complaint.Add(ShareWeight, start, end, ruleIndex: int.MaxValue);
        }

        if (text.ContainsAny(OrderWords) && (ComplaintPatterns.TryFindFirst(OrderedThenGot(), text, out start, out end) || ComplaintPatterns.TryFindFirst(GotThenOrdered(), text, out start, out end)))
        {
            complaint.Add(InsteadWeight, start, end, ruleIndex: int.MaxValue);
        }

        if (TryFindTwoPrices(text, out start, out end))
        {
            complaint.Add(PricesWeight, start, end, ruleIndex: int.MaxValue);
        }

        if (text.Contains("every", StringComparison.Ordinal) && ComplaintPatterns.TryFindFirst(Recurring(), text, out start, out end))
        {
            complaint.Add(RecurringWeight, start, end, ruleIndex: int.MaxValue);
        }

        if (text.ContainsAny(Digits) && (text.Contains(':') || text.ContainsAny(Clock)) && TryFindTwoDifferent(TimeOfDay(), text, skipRanges: true, out start, out end))
        {
            complaint.Add(ClockWaitWeight, start, end, ruleIndex: int.MaxValue);
        }
    }

    // Two different amounts of money, or "from 389 to 612".
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryFindTwoPrices(ReadOnlySpan<char> text, out int start, out int end)
    {
        start = end = 0;
        if (text.Contains("from", StringComparison.Ordinal) && ComplaintPatterns.TryFindFirst(FromTo(), text, out start, out end))
        {
            return true;
        }

        if (!text.ContainsAny(Currencies))
        {
            return false;
        }

        return TryFindTwoDifferent(Amount(), text, skipRanges: false, out start, out end);
    }

    // Two different matches of a pattern: two amounts of money, or two times of day ("3pm … 6:40pm", "at 8 … at 9:15")
    // that are not a range ("open 9am to 5pm", "8am-1pm").
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryFindTwoDifferent(Regex regex, ReadOnlySpan<char> text, bool skipRanges, out int start, out int end)
    {
        start = end = 0;
        var first = ReadOnlySpan<char>.Empty;
        var firstEnd = 0;
        foreach (var match in regex.EnumerateMatches(text))
        {
            var found = text.Slice(match.Index, match.Length);
            if (!first.IsEmpty && !found.SequenceEqual(first) && !(skipRanges && IsRange(text[firstEnd..match.Index])))
            {
                end = match.Index + match.Length;
                return true;
            }

            first = found;
            start = match.Index;
            firstEnd = match.Index + match.Length;
        }

        return false;

        static bool IsRange(ReadOnlySpan<char> between) => between.Trim(" -–") is [] or "to" or "until" or "till" or "and";
    }

    // Not a price cut or a schedule: "is half price", "50% off", "half time", "half term".
    [GeneratedRegex(@"\b(was|were|is|are)\s+(\d{1,3}\s?%|half|mostly|basically)\s+(?!price|off|the price|time|term|an hour|a day|full|empty\b)[a-z]+", RegexOptions.CultureInvariant)]
    private static partial Regex Share();

    [GeneratedRegex(@"\b(ordered|booked|paid for|asked for|requested|reserved)\b[^.!?\n]{1,40}?[,.;:]\s*(and\s+|but\s+|i\s+|we\s+|they\s+|you\s+)?(got|received|given|gave|offered|delivered|sent|it was|it's|they were)\b", RegexOptions.CultureInvariant)]
    private static partial Regex OrderedThenGot();

    [GeneratedRegex(@"\b(got|received|given|was|were)\b[^.!?\n]{1,40}?[,.;:]\s*(i|we)\s+(ordered|booked|paid for|asked for|requested|reserved)\b", RegexOptions.CultureInvariant)]
    private static partial Regex GotThenOrdered();

    [GeneratedRegex(@"[£$€]\s?\d[\d,]*(\.\d+)?", RegexOptions.CultureInvariant)]
    private static partial Regex Amount();

    [GeneratedRegex(@"\bfrom\s+[£$€]?\d[\d,]*(\.\d+)?\s+to\s+[£$€]?\d[\d,]*(\.\d+)?\b(?!\s?(am|pm|:))", RegexOptions.CultureInvariant)]
    private static partial Regex FromTo();

    [GeneratedRegex(@"\bevery\s+(\d+|few|couple of|couple|two|three|five|ten|fifteen|30|other)\s+(seconds?|secs?|minutes?|mins?|hours?|hrs?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Recurring();

    [GeneratedRegex(@"\b(\d{1,2}(:\d{2})?\s?(am|pm)|\d{1,2}:\d{2})\b", RegexOptions.CultureInvariant)]
    private static partial Regex TimeOfDay();
}

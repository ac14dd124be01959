using System.Text.RegularExpressions;

namespace Monitro.Analysis.Intent;

/// <summary>
/// News of trouble passed on, not suffered: "Voltara reports 4,000 homes without power", "Streamora is down for many
/// in the UK, the company says it's investigating". Told in the third person, with a word of reporting, and with no
/// "I", "my", "we" or "you" in it, an outage is news and no complaint.
/// </summary>
internal static partial class ReportedNews
{
    /// <summary>The weight against a complaint: it outweighs one strong cue ("outage", "is down").</summary>
    public const double Weight = -0.6;

    /// <summary>Returns whether a normalized text (lower case) reports news rather than telling the author's own trouble.</summary>
    /// <param name="text">The normalized text.</param>
    /// <returns><see langword="true"/> when the text reports news.</returns>
    public static bool IsNews(ReadOnlySpan<char> text) => Reporting().IsMatch(text) && !Person().IsMatch(text);

    [GeneratedRegex(@"\b(says|said|reports|reported|reporting|confirms|confirmed|announced|announces|according to|investigating)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Reporting();

    [GeneratedRegex(@"(^|[^\w@])(i|i'm|i've|i'd|i'll|im|me|my|mine|we|we're|we've|our|us|you|your|you're|u|ur|y'all)\b|@\w", RegexOptions.CultureInvariant)]
    private static partial Regex Person();
}

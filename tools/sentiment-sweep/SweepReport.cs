using System.Globalization;
using System.Text;

namespace Monitro.SentimentSweep;

/// <summary>The counts of the sweep, and the words whose rating by hand the analyzer does not read.</summary>
/// <param name="Swept">The words asked about.</param>
/// <param name="Listed">The words in the review (unrated when swept).</param>
/// <param name="Pending">Listed words not yet rated by hand.</param>
/// <param name="Polar">Words rated polar by hand.</param>
/// <param name="Neutral">Words rated neutral by hand.</param>
/// <param name="SenseDependent">Words whose sentiment depends on their sense.</param>
/// <param name="Disagreements">Polar words the analyzer does not read in their direction (not yet added to the lexicon, or overridden).</param>
internal sealed record SweepReport(int Swept, int Listed, int Pending, int Polar, int Neutral, int SenseDependent, IReadOnlyList<ReviewEntry> Disagreements)
{
    /// <summary>Counts a sweep.</summary>
    /// <param name="swept">The number of words asked about.</param>
    /// <param name="entries">The review's entries.</param>
    /// <returns>The report.</returns>
    public static SweepReport Of(int swept, IReadOnlyList<ReviewEntry> entries) => new(
        swept,
        entries.Count,
        entries.Count(entry => entry.Rating is null),
        entries.Count(entry => entry.Rating is { } rating && rating != 0),
        entries.Count(entry => entry.Rating == 0),
        entries.Count(entry => entry.Class == "sense"),
        [.. entries.Where(entry => entry.Rating is { } rating && rating != 0 && Math.Sign(entry.Reading.Valence) != Math.Sign(rating))]);

    /// <inheritdoc/>
    public override string ToString()
    {
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"swept {Swept} words; {Listed} were unrated when swept: {Polar} rated polar, {Neutral} neutral ({SenseDependent} of them sense-dependent), {Pending} not yet rated");
        foreach (var entry in Disagreements)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  rated {entry.Rating} but the analyzer reads {entry.Reading}: {entry.Word}");
        }

        return text.ToString();
    }
}

using System.Globalization;
using System.Text;

namespace Monitro.SentimentSweep;

/// <summary>Reads and writes review.tsv, the record of the sweep.</summary>
internal static class ReviewFile
{
    private const string Header = """
        # The vocabulary sweep of the English sentiment lexicon, written by tools/sentiment-sweep and rated by hand.
        # Every word of src/Monitro/Text/words.tsv and of tools/sentiment-sweep/social-tokens.txt that the analyzer did not
        # rate through any form when it was swept, with: where it comes from, what the analyzer reads now, the rating by
        # hand (the mean several raters would give, -4..+4, out of context; 0 = neutral in ordinary use, left out of the
        # lexicon), the lexicon class it was added under (or "sense": its sentiment depends on its sense; "dev": added later with a
        # class found on the dev parts of the evaluation sets), and a note.
        # The ratings were written before any evaluation post was looked at.
        # word	source	reads	rating	class	note
        """;

    /// <summary>Reads the review file; a missing file is an empty review.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The entries by word.</returns>
    public static Dictionary<string, ReviewEntry> Read(string path)
    {
        var entries = new Dictionary<string, ReviewEntry>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return entries;
        }

        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length != 6)
            {
                throw new FormatException($"{path}, line {lineNumber}: expected 6 tab-separated fields.");
            }

            double? rating = fields[3].Length == 0 ? null : double.Parse(fields[3], CultureInfo.InvariantCulture);
            if (rating is < -4 or > 4)
            {
                throw new FormatException($"{path}, line {lineNumber}: the rating {fields[3]} is outside -4..+4.");
            }

            entries[fields[0]] = new ReviewEntry(fields[0], fields[1], WordReading.Parse(fields[2]), rating, fields[4], fields[5]);
        }

        return entries;
    }

    /// <summary>Writes the review file.</summary>
    /// <param name="path">The path.</param>
    /// <param name="entries">The entries, in the order of their sources.</param>
    public static void Write(string path, IEnumerable<ReviewEntry> entries)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var entry in entries)
        {
            var rating = entry.Rating is { } value ? value.ToString("0.##", CultureInfo.InvariantCulture) : string.Empty;
            text.Append(CultureInfo.InvariantCulture, $"{entry.Word}\t{entry.Source}\t{entry.Reading}\t{rating}\t{entry.Class}\t{entry.Note}\n");
        }

        File.WriteAllText(path, text.ToString());
    }
}

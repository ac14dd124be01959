using System.Globalization;
using System.Text;

namespace Monitro.Analysis.Sentiment;

/// <summary>Reads sentiment lexicons in the <c>term&lt;TAB&gt;mean[&lt;TAB&gt;...]</c> format.</summary>
internal static class LexiconReader
{
    /// <summary>The name of the built-in lexicon resource.</summary>
    public const string BuiltInResourceName = "Monitro.Analysis.lexicon.tsv";

    /// <summary>Reads a lexicon; later lines win over earlier lines with the same term.</summary>
    /// <param name="reader">The lexicon text.</param>
    /// <param name="sourceName">The name used in error messages (a file path), or <see langword="null"/>.</param>
    /// <returns>The terms and their mean ratings, compared case-insensitively.</returns>
    /// <exception cref="FormatException">A line is malformed.</exception>
    public static Dictionary<string, double> Read(TextReader reader, string? sourceName)
    {
        var lexicon = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#' || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab < 0)
            {
                throw Malformed(sourceName, lineNumber, "expected a term, a tab and a mean rating");
            }

            var term = NormalizeTerm(line.AsSpan(0, tab));
            if (term.Length == 0)
            {
                throw Malformed(sourceName, lineNumber, "the term is empty");
            }

            var rest = line.AsSpan(tab + 1);
            var nextTab = rest.IndexOf('\t');
            var meanText = (nextTab < 0 ? rest : rest[..nextTab]).Trim();
            if (!double.TryParse(meanText, NumberStyles.Float, CultureInfo.InvariantCulture, out var mean) || !double.IsFinite(mean))
            {
                throw Malformed(sourceName, lineNumber, $"'{Excerpt(meanText)}' is not a number");
            }

            if (Math.Abs(mean) > SentimentRules.MaxValence)
            {
                throw Malformed(sourceName, lineNumber, $"the rating {mean.ToString(CultureInfo.InvariantCulture)} is outside -4..+4");
            }

            lexicon[term] = mean;
        }

        return lexicon;
    }

    /// <summary>Reads the lexicon embedded in the Monitro assembly.</summary>
    /// <returns>The built-in lexicon.</returns>
    public static Dictionary<string, double> ReadBuiltIn()
    {
        using var stream = typeof(LexiconReader).Assembly.GetManifestResourceStream(BuiltInResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {BuiltInResourceName} is missing from the Monitro assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Read(reader, BuiltInResourceName);
    }

    /// <summary>Gets the start of a text for an error message: a line of a lexicon may be megabytes long.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The text, or its first 40 characters and an ellipsis.</returns>
    public static string Excerpt(ReadOnlySpan<char> text) => text.Length <= 40 ? text.ToString() : string.Concat(text[..40], "…");

    /// <summary>Normalizes a term: trims it, turns typographic apostrophes into ', drops emoji variation selectors and byte order marks, and collapses inner white space.</summary>
    /// <param name="term">The term as written.</param>
    /// <returns>The normalized term (empty when nothing is left).</returns>
    public static string NormalizeTerm(ReadOnlySpan<char> term)
    {
        var builder = new StringBuilder(term.Length);
        var pendingSpace = false;
        foreach (var c in term.Trim())
        {
            // A byte order mark is no part of a term: a reader handed over as text may still start with one.
            if (c is '\uFE0F' or '\uFEFF')
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace && builder.Length > 0)
            {
                builder.Append(' ');
            }

            pendingSpace = false;
            builder.Append(SentimentTokenizer.NormalizeApostrophe(c));
        }

        return builder.ToString();
    }

    private static FormatException Malformed(string? sourceName, int lineNumber, string reason) =>
        new(sourceName is null
            ? $"Lexicon line {lineNumber}: {reason}."
            : $"Lexicon '{sourceName}', line {lineNumber}: {reason}.");
}

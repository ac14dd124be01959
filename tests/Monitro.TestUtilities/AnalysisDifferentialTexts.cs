using System.Text;

namespace Monitro.Testing;

/// <summary>
/// Texts for checking that a faster way of reading posts says exactly what the plain way says: every post of every
/// evaluation set in this folder, with its language, and generated hostile text built from the lexicon's own words in
/// the forms the rules read (endings, opposite prefixes, elongation, masks, laughter, hyphens, hashtags, capitals),
/// glued to emoji, emoticons, punctuation, handles and links. The benchmarks' <c>analysis --dump</c> writes what two
/// builds of the analyzers say about them, to compare a change against the code before it.
/// </summary>
public static class AnalysisDifferentialTexts
{
    private static readonly string[] Endings =
    [
        "s", "es", "ed", "d", "ing", "ly", "ily", "ally", "ness", "iness", "ment", "est", "iest", "ier", "ies", "ied", "er",
        "bly", "ably", "ibly", "tly", "ply", "bed", "dding", "gged", "lling", "mming", "nned", "pping", "rred", "tting", "zzed",
    ];

    private static readonly string[] Glue =
    [
        " ", " ", " ", " ", " ", ", ", ". ", "! ", "? ", "... ", "!!! ", " - ", "\n", ":( ", " :) ", " 😭 ", " 🙃 ", " 👍🏽 ",
        "-", "'", "’", "/", " #", " @", "*", " but ", " not ", " don't ", " never ", " so ", " really ", " no. ", " why ",
        " still ", " 3 days ", " £40 ", " at 3pm ", " https://acme.example/x-y ", "", " ❤️ ", " lol ", " #NotMyProblem ",
    ];

    private static readonly string[] Words =
    [
        "the", "my", "i", "we're", "cancel", "cancelled", "leaving", "switching", "support", "account", "@Acme", "Acme",
        "refund", "order", "again", "hahahaha", "lololol", "soooo", "reallyyyy", "goooood", "neverrr", "sh*tty", "f**king",
        "b*tch", "un", "dis", "non", "can't", "cannot", "enough", "it", "this", "that", "feeling", "down", "fed", "up",
        "j'adore", "pésimo", "schön", "genial", "nicht", "pas", "não", "bueno", "ñ", "customerservicefail", "epicfail",
        "MondayBlues", "super-fast", "10/10", "a+", "thank", "great", "job", "nice", "how", "do", "complain", "outstanding",
        "balance", "WTF", "mean", "no", "cheque", "lmao", "🙃", "💀", "🥺",
    ];

    /// <summary>Every post of every evaluation set (<c>tests/Monitro.Tests/Analysis</c>), with its language (English unless the set names one per post).</summary>
    /// <returns>The posts, set by set in file-name order.</returns>
    /// <exception cref="DirectoryNotFoundException">The sets are found neither beside the program nor above it or the working folder.</exception>
    public static IReadOnlyList<(string Text, string Language)> EvaluationPosts()
    {
        var folder = SetsFolder();
        var posts = new List<(string, string)>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.tsv").Order(StringComparer.Ordinal))
        {
            var perPostLanguage = Path.GetFileName(path).Contains("-languages", StringComparison.Ordinal);
            foreach (var line in File.ReadLines(path))
            {
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                posts.Add((line[(line.LastIndexOf('\t') + 1)..], perPostLanguage ? line[..line.IndexOf('\t', StringComparison.Ordinal)] : "en"));
            }
        }

        return posts;
    }

    /// <summary>Generates hostile texts from the English lexicon's words and the words the rules treat specially.</summary>
    /// <param name="count">How many texts.</param>
    /// <param name="seed">The seed: the same seed gives the same texts.</param>
    /// <returns>The texts.</returns>
    public static IReadOnlyList<string> Hostile(int count, int seed)
    {
        var random = new Random(seed);
        var lexicon = LexiconSentimentAnalyzer.BuiltInLexicon.Keys.Where(term => !term.Contains(' ', StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        var texts = new List<string>(count);
        var text = new StringBuilder();
        for (var t = 0; t < count; t++)
        {
            text.Clear();
            var items = random.Next(1, 16);
            for (var i = 0; i < items; i++)
            {
                text.Append(Vary(random.Next(3) == 0 ? Words[random.Next(Words.Length)] : lexicon[random.Next(lexicon.Length)], random));
                text.Append(Glue[random.Next(Glue.Length)]);
            }

            texts.Add(text.ToString());
        }

        return texts;
    }

    // The sets beside the test program (copied to its output), else in the source tree above the program or the working folder.
    private static string SetsFolder()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "Analysis");
        if (File.Exists(Path.Combine(beside, "sentiment-eval.tsv")))
        {
            return beside;
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "tests", "Monitro.Tests", "Analysis");
                if (File.Exists(Path.Combine(candidate, "sentiment-eval.tsv")))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException("The evaluation sets (tests/Monitro.Tests/Analysis) were not found.");
    }

    private static string Vary(string word, Random random)
    {
        switch (random.Next(12))
        {
            case 0:
                return word + Endings[random.Next(Endings.Length)];
            case 1 when word.Length > 2:
                // A final e or y dropped before an ending ("loving", "happily").
                return word[..^1] + Endings[random.Next(Endings.Length)];
            case 2:
                return new[] { "un", "dis", "non", "Un", "DIS" }[random.Next(5)] + word;
            case 3 when word.Length > 1:
                // An elongated letter ("goooood").
                var at = random.Next(word.Length);
                return word[..at] + new string(word[at], random.Next(3, 7)) + word[at..];
            case 4 when word.Length > 2:
                // A masked letter ("sh*t").
                var masked = random.Next(1, word.Length - 1);
                return word[..masked] + "*" + word[(masked + 1)..];
            case 5:
                return word.ToUpperInvariant();
            case 6:
                return char.ToUpperInvariant(word[0]) + word[1..];
            case 7:
                return word + word;
            default:
                return word;
        }
    }
}

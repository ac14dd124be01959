using System.Globalization;
using System.Text;

namespace Monitro.Benchmarks.Matching;

/// <summary>
/// A deterministic corpus: ~150-character posts drawn from a Zipf vocabulary with hashtags, handles, links and
/// emoji; mixed watch sets of 70% keyword/phrase OR-lists, 25% boolean queries with NOT and 5% NEAR, wildcard or
/// hashtag queries; and keyword watch sets of 1–4 keyword or phrase alternatives each.
/// </summary>
internal sealed class MatchingCorpus
{
    private const int VocabularySize = 200_000;
    private const int FirstRareRank = 20_000;
    private const int DefaultMinimumLength = 140;
    private static readonly string[] Syllables =
    [
        "ka", "lo", "mi", "ra", "te", "su", "no", "vi", "da", "pe", "zu", "ho", "ne", "bri", "sta", "kor", "len",
        "tra", "mo", "fi", "gu", "ax", "el", "on", "um", "sy", "qua", "dre", "ple", "nix",
    ];

    private static readonly string[] Emoji = ["😃", "😡", "👍🏽", "❤️", "🔥", "🎉", "😂"];

    private readonly Random _random;
    private readonly double[] _cumulative;

    public MatchingCorpus(int seed = 20_261_123)
    {
        _random = new Random(seed);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (words.Count < VocabularySize)
        {
            var builder = new StringBuilder();
            var syllables = 1 + _random.Next(5);
            for (var s = 0; s < syllables; s++)
            {
                builder.Append(Syllables[_random.Next(Syllables.Length)]);
            }

            if (builder.Length >= 2)
            {
                words.Add(builder.ToString());
            }
        }

        // Short words are the frequent ones, as in real text.
        Vocabulary = [.. words.OrderBy(w => w.Length).ThenBy(w => w, StringComparer.Ordinal)];
        _cumulative = new double[VocabularySize];
        var total = 0.0;
        for (var rank = 0; rank < VocabularySize; rank++)
        {
            total += 1.0 / (rank + 1);
            _cumulative[rank] = total;
        }

        for (var rank = 0; rank < VocabularySize; rank++)
        {
            _cumulative[rank] /= total;
        }
    }

    public string[] Vocabulary { get; }

    /// <summary>Gets the plain keywords of the keyword watches (for the regex and SearchValues baselines).</summary>
    public List<string> Keywords { get; } = [];

    public List<Post> Posts(int count) => Posts(count, DefaultMinimumLength);

    /// <summary>Creates posts whose text is at least <paramref name="minimumLength"/> characters long.</summary>
    public List<Post> Posts(int count, int minimumLength)
    {
        var posts = new List<Post>(count);
        for (var i = 0; i < count; i++)
        {
            posts.Add(new Post
            {
                Id = "bench:" + i.ToString(CultureInfo.InvariantCulture),
                Source = i % 3 == 0 ? "bluesky" : "mastodon",
                Author = new Author { Platform = "mastodon", Handle = "user" + (i % 500).ToString(CultureInfo.InvariantCulture) },
                Text = PostText(minimumLength),
                CreatedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
                Language = i % 4 == 0 ? "de" : "en",
            });
        }

        return posts;
    }

    public List<Watch> Watches(int count)
    {
        Keywords.Clear();
        var watches = new List<Watch>(count);
        for (var i = 0; i < count; i++)
        {
            var kind = i % 100;
            var query = kind < 70 ? KeywordList(2 + _random.Next(4)) : kind < 95 ? BooleanWithNot() : Special(i);
            watches.Add(new Watch { Name = "watch-" + i.ToString(CultureInfo.InvariantCulture), Query = query });
        }

        return watches;
    }

    /// <summary>
    /// Creates keyword watches as a search engine of literals sees them: each an OR-list of 1–4 alternatives, a rare
    /// keyword or (three times in ten) a two-word phrase, with no boolean logic.
    /// </summary>
    public List<Watch> KeywordWatches(int count)
    {
        Keywords.Clear();
        var watches = new List<Watch>(count);
        for (var i = 0; i < count; i++)
        {
            watches.Add(new Watch { Name = "keywords-" + i.ToString(CultureInfo.InvariantCulture), Query = KeywordList(1 + _random.Next(4)) });
        }

        return watches;
    }

    private string PostText(int minimumLength)
    {
        var builder = new StringBuilder(minimumLength + 40);
        while (builder.Length < minimumLength)
        {
            var roll = _random.Next(100);
            if (builder.Length > 0)
            {
                builder.Append(roll < 8 ? ", " : roll < 12 ? ". " : " ");
            }

            roll = _random.Next(100);
            if (roll < 4)
            {
                builder.Append('#').Append(Capitalize(ZipfWord())).Append(Capitalize(ZipfWord()));
            }
            else if (roll < 7)
            {
                builder.Append('@').Append(ZipfWord()).Append('_').Append(ZipfWord());
            }
            else if (roll < 9)
            {
                builder.Append("https://").Append(ZipfWord()).Append(".com/").Append(ZipfWord());
            }
            else if (roll < 12)
            {
                builder.Append(Emoji[_random.Next(Emoji.Length)]);
            }
            else
            {
                var word = ZipfWord();
                builder.Append(builder.Length == 0 || _random.Next(10) == 0 ? Capitalize(word) : word);
            }
        }

        return builder.ToString();
    }

    private string KeywordList(int alternatives)
    {
        var parts = new List<string>(alternatives);
        for (var a = 0; a < alternatives; a++)
        {
            if (_random.Next(10) < 3)
            {
                parts.Add("\"" + RareWord() + " " + ZipfWord() + "\"");
            }
            else
            {
                var word = RareWord();
                Keywords.Add(word);
                parts.Add(word);
            }
        }

        return string.Join(" OR ", parts);
    }

    private string BooleanWithNot() => _random.Next(3) switch
    {
        0 => $"({RareWord()} OR {RareWord()}) {ZipfWord()} -{ZipfWord()}",
        1 => $"\"{RareWord()} {ZipfWord()}\" -({ZipfWord()} OR {ZipfWord()})",
        _ => $"{RareWord()} AND NOT {ZipfWord()} -is:repost",
    };

    private string Special(int i) => (i / 100 % 3) switch
    {
        0 => $"{RareWord()} NEAR/3 {ZipfWord()}",
        1 => RareWord()[..^1] + "*",
        _ => "#" + Capitalize(RareWord()) + Capitalize(ZipfWord()),
    };

    // A word from the less frequent part of the vocabulary, as brand and product names are.
    private string RareWord()
    {
        string word;
        do
        {
            word = Vocabulary[FirstRareRank + _random.Next(VocabularySize - FirstRareRank)];
        }
        while (word.Length < 4);

        return word;
    }

    private string ZipfWord()
    {
        var index = Array.BinarySearch(_cumulative, _random.NextDouble());
        return Vocabulary[Math.Min(index < 0 ? ~index : index, VocabularySize - 1)];
    }

    private static string Capitalize(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}

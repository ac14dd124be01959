using System.Globalization;
using System.Text;
using CsCheck;

namespace Monitro.Tests.Matching;

/// <summary>
/// Generators of watches of every shape over a vocabulary and of posts built from that vocabulary and from hostile
/// pieces (every Unicode category, lone surrogates, noncharacters, ZWJ sequences, combining marks, right-to-left text,
/// unspaced scripts next to <c>#</c> and <c>@</c>, links, very long tokens, whitespace of every kind, padding that moves
/// the words across the pre-filter's windows and blocks), for the differential tests of the matcher's fast paths.
/// </summary>
internal static class HostileTextGenerators
{
    /// <summary>Words of every kind the posts and watches share: plain ones, words inside common hashtags, non-ASCII ones.</summary>
    public static readonly string[] Words =
    [
        "acme", "tidewell", "launch", "rocks", "sale", "wholesale", "black", "friday", "wedding", "ding", "phone", "iphone",
        "support", "team", "love", "node", "java", "script", "weru", "weruca", "globex", "corp", "acmecorp", "netflix",
        "café", "straße", "strasse", "naïve", "über", "ñandú", "ærø", "istanbul", "ελλάδα", "москва", "שלום", "مرحبا",
        "東京", "タワー", "กรุงเทพ", "new", "big", "the", "is", "net", "go", "x", "2024", "v2", "a1b2", "don't",
    ];

    /// <summary>Words of at least four characters only (the anchor window filter needs every anchor that long).</summary>
    public static readonly string[] LongWords = [.. Words.Where(w => w.Length >= 4 && !w.Contains('\'', StringComparison.Ordinal))];

    private static readonly string[] AsciiWords = [.. Words.Where(w => w.All(char.IsAsciiLetterLower))];

    private static readonly string[] Whitespace =
    [
        " ", " ", " ", "  ", "\t", "\n", "\r\n", "\r", "\u000B", "\u000C", "\u0085", "\u00A0", "\u1680", "\u2000", "\u2009",
        "\u200A", "\u2028", "\u2029", "\u202F", "\u205F", "\u3000", "\u180E", "\u200B", "\uFEFF",
    ];

    private static readonly string[] Punctuation =
    [
        ", ", ". ", "! ", "? ", "...", ",", ".", "-", "_", "/", ":", ";", "'", "\"", "(", ")", "[", "]", "&", "#", "@", "$", "+",
        "·", "־", "〜", "・", "་", "\u2019", "\u02BC", "", "",
    ];

    private static readonly string[] Fixed =
    [
        "C#", "c#", "F#", ".NET", ".net", "node.js", "Node.JS", "ASP.NET", "C++", "c++", "acme.js", ".acme", "acme#", "acme+",
        "👨\u200D👩\u200D👧", "acme\u200Dcorp", "\u200D", "❤\uFE0F", "❤️#love", "❤️@acme", "👍🏽", "👍🏿", "🇯🇵", "1\uFE0F\u20E3", "😃", "😃acme",
        "東京@acme", "の@acme", "RT@acme", "東京#acme", "a\u0301\u0301\u0308cme", "cafe\u0301", "ACME\u0308", "\u202Eacme\u202C",
        "\u200Facme", "שלום#acme", "acme\uFFFE", "\uFFFFacme", "\uD800", "\uDC00", "acme\uD800corp", "\uDBFF\uDFFE", "\uD83F\uDFFE",
        "\u0000", "\u0007", "\u001B[0m", "\u00AD", "ac\u00ADme", "ＡＣＭＥ", "＃ａｃｍｅ", "＠acme", "$ACME", "$acme", "$ABCDEF", "$BRK.B",
        "support@acme.com", "acme@acme", "@jane@example.social", "@acme.support", "#il·lusió", "#תל_אביב", "#東京タワー", "#2024",
        "#acme_", "#_acme", "@_@", "acme's", "ACME\u2019s", "don't", "http://", "https://acme.com/#pricing", "acme.com:3000/app",
        "http://en.wikipedia.org/wiki/Primer_(film)", "https://acme.com/launch東京タワー", "dev_box.acme.com", "www.acme.co.uk/x?y=1#z",
    ];

    private static readonly (int From, int To)[] CodePointRanges =
    [
        (0x0000, 0x007F), (0x0080, 0x02FF), (0x0300, 0x036F), (0x0370, 0x052F), (0x0590, 0x06FF), (0x0900, 0x0DFF), (0x0E00, 0x0EFF),
        (0x1100, 0x11FF), (0x1AB0, 0x1AFF), (0x2000, 0x206F), (0x20D0, 0x20FF), (0x2100, 0x2BFF), (0x3000, 0x30FF), (0x4E00, 0x4E80),
        (0xAC00, 0xAC40), (0xD800, 0xDFFF), (0xE000, 0xE010), (0xFB00, 0xFB4F), (0xFDD0, 0xFDEF), (0xFE00, 0xFE0F), (0xFE20, 0xFE2F),
        (0xFF00, 0xFFEF), (0xFFF0, 0xFFFF), (0x10000, 0x100FF), (0x1D400, 0x1D7FF), (0x1F1E6, 0x1F1FF), (0x1F300, 0x1FAFF),
        (0x1F3FB, 0x1F3FF), (0x1FFFE, 0x1FFFF), (0x20000, 0x20010), (0xE0000, 0xE007F), (0xE0100, 0xE01EF), (0x10FFFE, 0x10FFFF),
    ];

    /// <summary>One code point from a random block (a lone surrogate for the surrogate block), any category.</summary>
    public static readonly Gen<string> CodePoint = Gen.Int[0, CodePointRanges.Length - 1].SelectMany(r =>
        Gen.Int[CodePointRanges[r].From, CodePointRanges[r].To].Select(c => c is >= 0xD800 and <= 0xDFFF ? ((char)c).ToString() : char.ConvertFromUtf32(c)));

    /// <summary>A word of the vocabulary as people write it: cases, full width, possessives, accents apart, invisible characters inside.</summary>
    public static Gen<string> WrittenWord(string[] words) => Gen.Select(Gen.OneOf(words), Gen.Int[0, 12], Vary);

    // A hashtag or handle of vocabulary words, after something that may or may not let it start there.
    private static Gen<string> Entity(string[] words) => Gen.Select(
        Gen.OneOf("#", "#", "@", "@", "$", "＃"),
        Gen.OneOf(words).Array[1, 3],
        Gen.Int[0, 3],
        Gen.OneOf("", "", "", "東京", "❤\uFE0F", "RT", "x", "😃", "\u0301", "の"),
        (sign, parts, style, before) => before + sign + style switch
        {
            0 => string.Concat(parts),
            1 => string.Concat(parts.Select(Capitalize)),
            2 => string.Join('_', parts),
            _ => string.Concat(parts).ToUpperInvariant(),
        });

    private static Gen<string> Link(string[] words) => Gen.Select(
        Gen.OneOf("https://", "http://", "www.", "", "HTTPS://"),
        Gen.OneOf(AsciiWords),
        Gen.OneOf(".com", ".co.uk", ".io", ".net", ".xyz", ".invalidtld"),
        Gen.OneOf("", "", ":3000", ":8080"),
        Gen.OneOf(words).Array[0, 2],
        Gen.OneOf("", "", ")", "/", "?q=1", "#frag", "東京"),
        (scheme, host, tld, port, path, tail) => scheme + host + tld + port + string.Concat(path.Select(p => "/" + p)) + tail);

    // Runs of characters that move what follows across the pre-filter's 8-character windows, 32-character vector blocks
    // and 256-character blocks.
    private static readonly Gen<string> Padding = Gen.Select(Gen.Int[0, 300], Gen.OneOf("x", " ", "ab ", "é", "東"), (length, unit) =>
        length is > 40 and < 200 ? string.Empty : string.Concat(Enumerable.Repeat(unit, length))[..length]);

    private static Gen<string> LongToken(string[] words) => Gen.Select(Gen.OneOf(words), Gen.Int[5, 120], Gen.OneOf("", "#", "@", "https://a.com/"), (word, times, sign) =>
        sign + string.Concat(Enumerable.Repeat(word, times)));

    private static readonly Gen<string> Separator = Gen.Frequency(
        (8, Gen.OneOf(Whitespace)),
        (3, Gen.OneOf(Punctuation)),
        (1, CodePoint));

    /// <summary>An item of a post: mostly words of the vocabulary, and every kind of hostile piece.</summary>
    public static Gen<string> Item(string[] words) => Gen.Frequency(
        (14, WrittenWord(words)),
        (3, Entity(words)),
        (2, Link(words)),
        (3, Gen.OneOf(Fixed)),
        (2, CodePoint.Array[1, 4].Select(c => string.Concat(c))),
        (1, Padding),
        (1, LongToken(words)));

    /// <summary>A post of 1–20 items with separators of every kind and random metadata.</summary>
    public static Gen<Post> Post(string[] words) => Gen.Select(
        Gen.Select(Item(words), Separator).Array[1, 20],
        Gen.OneOf("en", "en-GB", "de", "EN", null),
        Gen.OneOf("jane@example.social", "acme", "@Acme_Support", "tidewell", "\uD800x"),
        Gen.Int[0, 15],
        Link(words),
        (items, language, author, flags, link) => TestPosts.Create(
            string.Concat(items.Select(i => i.Item1 + i.Item2)),
            source: (flags & 8) != 0 ? "bluesky" : "mastodon",
            author: author,
            language: language,
            replyTo: (flags & 1) != 0 ? "mastodon:1" : null,
            repost: (flags & 2) != 0,
            url: (flags & 4) != 0 ? "https://news.example.org/a" : null,
            links: (flags & 3) == 3 ? [link.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? link : "https://" + link] : []));

    private static readonly string[] AsciiPieces =
    [
        "C#", "c#", ".NET", "node.js", "C++", "acme's", "acme'", "'acme", "acme.com", "x@acme.com", "acme@x.io", "#acme", "#AcmeCorp",
        "@acme", "@acme_corp", "RT@acme", "$ACME", "$acme", "acme_corp", "acme-corp", "acme.corp", "\0acme", "ac\u007Fme", "\u001B[0macme",
        "acme\u0001", "acme2", "2acme", "https://acme.com/launch", "www.acme.com", "acme...", "(acme)", "\"acme\"", "acme?!", "&amp;acme",
    ];

    private static readonly string[] AsciiSeparators =
    [
        " ", " ", " ", "  ", "\t", "\n", "\r\n", "\r", ", ", ". ", "! ", "? ", ",", ".", "!", "", "-", "_", "/", "'", "\"", "(", ")", ":", ";",
        "\u000B", "\u000C", "\u001F", "\u007F", "#", "@", "$", "+", "*",
    ];

    /// <summary>
    /// A post of ASCII characters only (the plain-word decider's ground: it reads such a text without folding it), with
    /// ASCII's punctuation, control characters and joins around the vocabulary's ASCII words.
    /// </summary>
    public static Gen<Post> PlainPost(string[] words)
    {
        var ascii = words.Where(w => w.All(char.IsAscii)).ToArray();
        var word = Gen.Select(Gen.OneOf(ascii), Gen.Int[0, 5], Gen.Int[0, 10], (w, style, repeat) => (style switch
        {
            1 => w.ToUpperInvariant(),
            2 => Capitalize(w),
            3 => w + "'s",
            _ => w,
        }) + (repeat == 0 ? string.Concat(Enumerable.Repeat(w, 40)) : string.Empty));
        var padding = Gen.Select(Gen.Int[0, 300], n => n is > 40 and < 200 ? string.Empty : new string('x', n));
        var item = Gen.Frequency((12, word), (3, Gen.OneOf(AsciiPieces)), (1, padding));
        return Gen.Select(Gen.Select(item, Gen.OneOf(AsciiSeparators)).Array[1, 20], Gen.Bool, (items, url) => TestPosts.Create(
            string.Concat(items.Select(i => i.Item1 + i.Item2)),
            url: url ? "https://news.example.org/a" : null));
    }

    /// <summary>The watch shapes the fast paths are built for and the others that send a post the full way.</summary>
    public enum Family
    {
        /// <summary>Words and phrases of at least four characters, OR-lists of them: the plain-word decider and keyword hits.</summary>
        Keywords,

        /// <summary>Also entities, slop, prefixes, exact literals, joined terms, links and emoji: decided around the occurrences.</summary>
        AroundHits,

        /// <summary>Every shape: NEAR, NOT, fuzzy terms, filters, short words.</summary>
        Everything,
    }

    /// <summary>A query of the family over the words (some generated queries are invalid; filter them).</summary>
    public static Gen<string> Query(Family family, string[] words)
    {
        var longWords = words.Where(w => w.Length >= 4).ToArray();
        var termWords = family == Family.Everything ? words : longWords;
        var word = Gen.OneOf(termWords);
        var phrase = Gen.Select(word.Array[2, 3], Gen.Int[-1, 3], (w, slop) =>
            "\"" + string.Join(' ', w) + "\"" + (slop >= 0 && family != Family.Keywords ? "~" + slop.ToString(CultureInfo.InvariantCulture) : string.Empty));
        var keyword = Gen.Frequency(
            (6, word),
            (2, word.Array[2, 4].Select(w => string.Join(" OR ", w))),
            (2, phrase),
            (1, word.Select(w => "\"" + w + "\"")));
        if (family == Family.Keywords)
        {
            return keyword;
        }

        var ascii = longWords.Where(w => w.All(char.IsAsciiLetterLower)).ToArray();
        var asciiWord = Gen.OneOf(ascii);
        var around = Gen.Frequency(
            (6, keyword),
            (2, Gen.Select(asciiWord.Array[1, 2], Gen.Bool, (w, camel) => "#" + string.Concat(camel ? w.Select(Capitalize) : w))),
            (1, asciiWord.Array[1, 2].Select(w => "@" + string.Join('_', w))),
            (1, asciiWord.Select(w => "$" + w[..Math.Min(6, w.Length)].ToUpperInvariant())),
            (1, asciiWord.Select(w => w[..Math.Min(w.Length, 4)] + "*")),
            (1, Gen.Select(word, Gen.Bool, (w, raw) => raw ? "raw:\"" + Capitalize(w) + "\"" : "!\"" + w.ToUpperInvariant() + "\"")),
            (1, Gen.OneOf("node.js", "asp.net", ".net", "c#", "f#", "c++", "acme.js")),
            (1, Gen.Select(asciiWord, Gen.OneOf("", "/launch", ":3000", "/acme/new"), Gen.Bool, (w, path, site) => (site ? "site:" : "url:") + w + ".com" + (site ? string.Empty : path))),
            (1, Gen.OneOf("😃", "👍🏽", "❤️", "👨\u200D👩\u200D👧", "🇯🇵", "東京", "タワー")));
        if (family == Family.AroundHits)
        {
            return Gen.Frequency((5, around), (1, around.Array[2, 3].Select(t => "(" + string.Join(" OR ", t) + ")")));
        }

        var fuzzy = Gen.Select(Gen.OneOf(words.Where(w => w.Length >= 5).ToArray()), Gen.Int[1, 2], (w, edits) => w + "~" + edits.ToString(CultureInfo.InvariantCulture));
        var filter = Gen.OneOf("author:acme", "author:jane", "lang:en", "lang:de", "source:bluesky", "is:reply", "is:repost");
        var term = Gen.Frequency((8, around), (1, fuzzy));
        var near = Gen.Select(term, term, Gen.Int[0, 4], Gen.Bool, (a, b, n, ordered) => a + (ordered ? " ONEAR/" : " NEAR/") + n.ToString(CultureInfo.InvariantCulture) + " " + b);
        return Gen.Frequency(
            (6, term),
            (2, near),
            (2, Gen.Select(term, term, (a, b) => a + " " + b)),
            (2, Gen.Select(term, term, (a, b) => "(" + a + " OR " + b + ")")),
            (1, Gen.Select(term, term, (a, b) => a + " -" + b)),
            (1, Gen.Select(term, filter, (a, b) => a + " AND " + b)),
            (1, Gen.Select(term, filter, (a, b) => a + " AND NOT " + b)),
            (1, filter.Where(f => f.StartsWith("author:", StringComparison.Ordinal))));
    }

    private static string Vary(string word, int variation) => variation switch
    {
        1 => word.ToUpperInvariant(),
        2 => Capitalize(word),
        3 => string.Concat(word.Select(c => c is > ' ' and < '\u007F' ? (char)(c - 0x21 + 0xFF01) : c)),
        4 => word + "'s",
        5 => word + "\u2019s",
        6 when word.Length > 2 => word[..2] + "\u200B" + word[2..],
        7 when word.Length > 2 => word[..2] + "\u00AD" + word[2..],
        8 => word.Normalize(NormalizationForm.FormD),
        9 => word + "\u0301",
        10 => Capitalize(word) + Capitalize(word),
        _ => word,
    };

    private static string Capitalize(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];
}

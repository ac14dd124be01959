using System.Globalization;
using CsCheck;

namespace Monitro.Tests.Matching;

/// <summary>Generators of queries (from the grammar of the language) and of social posts that those queries often hit.</summary>
internal static class SocialTextGenerators
{
    private static readonly string[] PostWords =
    [
        "acme", "corp", "launch", "phone", "new", "big", "café", "cafe\u0301", "straße", "strasse", "istanbul", "İstanbul",
        "colour", "color", "colr", "tidewell", "rocks", "hacmes", "acmes", "the", "is", "nasa", "NASA", "Google+", "google",
        "globex", "Acme", "ACME", "lau", "launcher", "C++", "καφε\u0301", "καφέ",
    ];

    private static readonly string[] Emoji = ["😃", "😡", "👍", "👍🏽", "👍🏿", "❤️", "❤", "👨\u200D👩\u200D👧", "🇯🇵"];

    private static readonly string[] Unspaced = ["東京タワー", "明日東京", "กรุงเทพมาก", "acmeの新製品", "タワー"];

    private static readonly string[] Hosts = ["acme.com", "blog.acme.com", "acme.co.uk", "shop.acme.co.uk", "notacme.com", "example.org", "www.acme.com"];

    private static readonly string[] Paths = ["", "/launch", "/blog/new", "/launch/phone"];

    // Mostly spaces and punctuation; sometimes nothing, an underscore or a slash glues two items into one.
    private static readonly string[] Separators = [" ", " ", " ", ", ", "! ", " - ", ". ", "\n", "\u200B", " (", ") ", "", "_", "/"];

    private static readonly Gen<string> Word = Gen.Select(Gen.OneOf(PostWords), Gen.Int[0, 7], Vary);

    private static readonly Gen<string> Hashtag = Gen.Select(Gen.OneOf("acme", "corp", "tidewell", "rocks", "launch", "東京"), Gen.OneOf("acme", "corp", "rocks", "2024", ""), Gen.Int[0, 3], (a, b, style) => style switch
    {
        0 => "#" + Capitalize(a) + Capitalize(b),
        1 => "#" + a + b,
        2 => "#" + a + (b.Length > 0 ? "_" + b : string.Empty),
        _ => "#" + Capitalize(a) + Capitalize(b) + "'s",
    });

    private static readonly Gen<string> Handle = Gen.OneOf("@acme", "@Acme_Support", "@acme_support", "@jane@example.social", "@globex", "@acme.support", "@AcmeCorp\u2019s");

    private static readonly Gen<string> Url = Gen.Select(Gen.OneOf("https://", "http://", "www."), Gen.OneOf(Hosts), Gen.OneOf(Paths), (scheme, host, path) =>
        scheme == "www." && host.StartsWith("www.", StringComparison.Ordinal) ? host + path : scheme + host + path);

    private static readonly Gen<string> Item = Gen.Frequency(
        (12, Word),
        (2, Hashtag),
        (1, Handle),
        (1, Gen.OneOf("$ACME", "$acme", "$GLBX", "$5")),
        (2, Url),
        (1, Gen.OneOf("support@acme.com", "jane@acme.co.uk")),
        (2, Gen.OneOf(Emoji)),
        (2, Gen.OneOf(Unspaced)));

    /// <summary>Generates a post: 1–24 items of social text with random separators and metadata.</summary>
    public static readonly Gen<Post> Post = Gen.Select(
        Gen.Select(Item, Gen.OneOf(Separators)).Array[1, 24],
        Gen.OneOf("en", "en-GB", "de", null),
        Gen.OneOf("mastodon", "bluesky"),
        Gen.OneOf("jane@example.social", "john", "@Jane"),
        Gen.Int[0, 7],
        Gen.Select(Url, Gen.Bool),
        (items, language, source, author, flags, link) => TestPosts.Create(
            string.Concat(items.Select(i => i.Item1 + i.Item2)),
            source,
            author,
            language,
            replyTo: (flags & 1) != 0 ? "mastodon:1" : null,
            repost: (flags & 2) != 0,
            url: (flags & 4) != 0 ? "https://news.example.org/a" : null,
            links: link.Item2 ? [link.Item1.StartsWith("www.", StringComparison.Ordinal) ? "https://" + link.Item1 : link.Item1] : []));

    private static readonly Gen<string> QueryWord = Gen.OneOf(
        "acme", "corp", "launch", "phone", "café", "strasse", "straße", "tidewell", "colour", "nasa", "google", "globex",
        "new", "big", "istanbul", "rocks", "東京", "タワー", "กรุงเทพ", "acmeの", "is", "2024", "καφέ");

    private static readonly Gen<string> Phrase = Gen.Select(QueryWord.Array[2, 3], Gen.Int[-1, 3], (words, slop) =>
        "\"" + string.Join(' ', words) + "\"" + (slop >= 0 ? "~" + slop.ToString(CultureInfo.InvariantCulture) : string.Empty));

    private static readonly Gen<string> Positional = Gen.Frequency(
        (6, QueryWord),
        (3, Phrase),
        (1, Gen.OneOf("acm*", "lau*", "cor*", "tide*", "str*", "col*")),
        (1, Gen.OneOf("colour~1", "colour~2", "launch~1", "tidewell~2", "strasse~1")),
        (2, Gen.OneOf("#acme", "#acmecorp", "#AcmeCorp", "#acme_corp", "@acme", "@acme_support", "$ACME", "😃", "👍", "👍🏽", "❤️", "🇯🇵")),
        (1, Gen.OneOf("www.acme.com/launch", "https://acme.co.uk", "support@acme.com")));

    private static readonly Gen<string> Filter = Gen.OneOf(
        "!\"NASA\"", "raw:\"Google+\"", "!\"Acme\"", "raw:acme", "raw:C++", "!\"café\"", "!\"καφε\"",
        "site:acme.com", "site:blog.acme.com", "site:acme.co.uk", "url:acme.com/launch", "author:jane",
        "lang:en", "source:bluesky", "is:reply", "is:repost");

    private static readonly Gen<string> Term = Gen.Frequency((5, Positional), (1, Filter));

    private static readonly Gen<string> NearOperand = Gen.Frequency(
        (4, Positional),
        (1, Gen.Select(Positional, Positional, (a, b) => "(" + a + " OR " + b + ")")));

    private static readonly Gen<string> Near = Gen.Select(NearOperand, NearOperand, Gen.Int[0, 3], Gen.Bool, NearOf);

    // Sometimes a chain: (a NEAR/n b) NEAR/m c.
    private static readonly Gen<string> NearOrChain = Gen.Frequency(
        (4, Near),
        (1, Gen.Select(Near, NearOperand, Gen.Int[0, 3], Gen.Bool, NearOf)));

    /// <summary>Generates a query from the grammar of the language (some are invalid, such as only negative ones).</summary>
    public static readonly Gen<string> Query = Expression(3);

    private static Gen<string> Expression(int depth)
    {
        if (depth == 0)
        {
            return Gen.Frequency((4, Term), (1, NearOrChain));
        }

        var inner = Expression(depth - 1);
        return Gen.Frequency(
            (5, Term),
            (2, NearOrChain),
            (2, Gen.Select(inner, inner, Gen.Bool, (a, b, explicitAnd) => a + (explicitAnd ? " AND " : " ") + b)),
            (2, Gen.Select(inner, inner, (a, b) => "(" + a + " OR " + b + ")")),
            (1, Gen.Select(inner, Term, (a, b) => a + " -" + b)),
            (1, Gen.Select(inner, Term, (a, b) => a + " AND NOT " + b)),
            (1, Gen.Select(inner, inner, (a, b) => "(" + a + ") OR NOT (" + b + ")")),
            (1, inner.Select(a => "NOT (NOT " + a + ")")));
    }

    private static string NearOf(string left, string right, int distance, bool ordered) =>
        left + (ordered ? " ONEAR/" : " NEAR/") + distance.ToString(CultureInfo.InvariantCulture) + " " + right;

    private static string Vary(string word, int variation) => variation switch
    {
        1 => word.ToUpperInvariant(),
        2 => Capitalize(word),
        3 => string.Concat(word.Select(c => c is > ' ' and < '\u007F' ? (char)(c - 0x21 + 0xFF01) : c)),
        4 => word + "'s",
        5 => word + "\u2019s",
        6 when word.Length > 2 => word[..2] + "\u200B" + word[2..],
        _ => word,
    };

    private static string Capitalize(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];
}

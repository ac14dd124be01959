using System.Text;
using System.Text.RegularExpressions;
using CsCheck;

namespace Monitro.Tests.Matching;

// A check of the text analysis that does not go through it: plain ASCII words found by a regular expression in the
// original text must match the one-word query of that word, and be highlighted exactly where the expression found them.
public sealed partial class PlainWordSanityTests
{
    [Fact]
    public void Match_EveryPlainAsciiWordOfAPost_MatchesItsOneWordQueryAndIsHighlighted()
    {
        var checkedWords = 0;
        for (ulong i = 0; i < 5_000; i++)
        {
            var post = SocialTextGenerators.Post.Generate(new PCG(11, i), null, out _);
            var words = PlainWords(post.Text);
            if (words.Count == 0)
            {
                continue;
            }

            var matcher = new MentionMatcher(words.Select(w => w.Word.ToLowerInvariant()).Distinct().Select(w => new Watch { Name = w, Query = "\"" + w + "\"" }));
            var mentions = matcher.Match(post).ToDictionary(m => m.Watch.Name);
            foreach (var (word, start, length) in words)
            {
                Assert.True(mentions.TryGetValue(word.ToLowerInvariant(), out var mention), $"post {i}: \"{word}\" at {start} does not match its query in: {post.Text}");
                Assert.True(mention.Spans.Contains(new MatchSpan(start, length)), $"post {i}: \"{word}\" at {start} is not highlighted there in: {post.Text}");
                checkedWords++;
            }
        }

        Assert.True(checkedWords > 10_000, $"only {checkedWords} words checked");
    }

    [Fact]
    public void PlainWords_SkipsEntitiesLinksAndWordsTouchingOtherLetters()
    {
        var found = PlainWords("Acme's new, #acme @acme https://acme.com/x jane@acme.com ca\u200Bfe café ＡＣＭＥ C++ acmeの");
        Assert.Equal([("Acme", 0, 4), ("new", 7, 3), ("C", 73, 1)], found);
    }

    // Words of ASCII letters and digits (a possessive 's excluded from the word) that no other letter, digit, mark,
    // invisible character or apostrophe touches, in whitespace-separated chunks that hold no hashtag, handle,
    // cashtag, e-mail or link.
    private static List<(string Word, int Start, int Length)> PlainWords(string text)
    {
        var words = new List<(string, int, int)>();
        foreach (Match chunk in Chunk().Matches(text))
        {
            var normalized = chunk.Value.Normalize(NormalizationForm.FormKC);
            if (normalized.IndexOfAny(['@', '#', '$']) >= 0 || normalized.Contains("://", StringComparison.Ordinal)
                || normalized.Contains("www.", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (Match word in Word().Matches(chunk.Value))
            {
                words.Add((word.Value, chunk.Index + word.Index, word.Length));
            }
        }

        return words;
    }

    [GeneratedRegex(@"\S+", RegexOptions.CultureInvariant)]
    private static partial Regex Chunk();

    [GeneratedRegex(@"(?<![\p{L}\p{M}\p{N}\p{Cf}_'’])[A-Za-z0-9]+(?=(?:['’]s)?(?:[^\p{L}\p{M}\p{N}\p{Cf}_'’]|$))", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}

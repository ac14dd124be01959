using Monitro.Matching;
using Monitro.Text;

namespace Monitro.Orleans.PreSearch;

/// <summary>
/// The pre-search terms of a post: every key the single-process index would look the post up by (its tokens by kind,
/// the author), and for the keys that index finds inside longer text, the post's pieces of the lengths such keys have
/// (prefixes of its words, substrings of its unspaced runs, of its hashtags and handles, and of its whole folded
/// text), and the deletion neighbourhood of its words when there are fuzzy keys. A watch's term is among them exactly
/// when the single-process index would make the watch a candidate, so routing by terms sends a post to the same shards.
/// </summary>
internal static class PostTerms
{
    public static void Collect(PostContext post, PreSearchShape shape, HashSet<string> terms)
    {
        var analysis = post.Analysis;
        foreach (ref readonly var token in analysis.Tokens)
        {
            var key = analysis.Key(token);
            var kind = WatchIndex.DirectKindOf[(int)token.Kind];
            if (kind >= 0)
            {
                terms.Add(PreSearchTerm.Of((IndexKeyKind)kind, key));
            }

            if (token.Kind == TokenKind.Word)
            {
                foreach (var length in shape.PrefixLengths)
                {
                    if (length <= key.Length)
                    {
                        terms.Add(PreSearchTerm.Of(IndexKeyKind.Prefix, key[..length]));
                    }
                }

                if (shape.FuzzyMaxEdits > 0)
                {
                    AddDeletions(key, shape.FuzzyMaxEdits, shape.FuzzyLongestMatch, terms);
                }
            }
            else if (token.Kind is TokenKind.Hashtag or TokenKind.Mention)
            {
                AddSubstrings(IndexKeyKind.EntitySubstring, key, shape.EntityWordLengths, terms);
            }
            else if (token.Kind == TokenKind.Run)
            {
                AddSubstrings(IndexKeyKind.Substring, key, shape.SubstringLengths, terms);
            }
        }

        terms.Add(PreSearchTerm.Of(IndexKeyKind.Author, post.AuthorHandle));
        terms.Add(PreSearchTerm.Of(IndexKeyKind.Author, post.AuthorLocalPart));
        AddSubstrings(IndexKeyKind.Exact, analysis.Text.Folded, shape.ExactLengths, terms);
    }

    private static void AddSubstrings(IndexKeyKind kind, ReadOnlySpan<char> text, int[] lengths, HashSet<string> terms)
    {
        foreach (var length in lengths)
        {
            for (var start = 0; start + length <= text.Length; start++)
            {
                terms.Add(PreSearchTerm.Of(kind, text.Slice(start, length)));
            }
        }
    }

    // The word and every string reachable from it by up to maxEdits deletions, as the single-process index probes
    // them: a word longer than any fuzzy key can reach is probed alone (its deletions are all shorter, so none is cut).
    private static void AddDeletions(ReadOnlySpan<char> word, int maxEdits, int longestMatch, HashSet<string> terms)
    {
        if (word.Length > longestMatch)
        {
            terms.Add(PreSearchTerm.Of(IndexKeyKind.Fuzzy, word));
            return;
        }

        foreach (var variant in WatchIndex.Deletions(word.ToString(), maxEdits))
        {
            terms.Add(PreSearchTerm.Of(IndexKeyKind.Fuzzy, variant));
        }
    }
}

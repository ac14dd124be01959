using System.Runtime.CompilerServices;
using System.Text;

namespace Monitro.Matching;

/// <summary>
/// The pre-filter: one pass over a post's text with the anchors' automaton of each level tells whether the post can
/// have any candidate, before it is tokenized. Most posts contain no key of any watch, and for them folding (of
/// non-ASCII text only) and a scan are all the work done.
/// </summary>
/// <remarks>
/// Exact, never a guess: every key the index looks up is a slice of the folded text, of a lower-cased link or of the
/// folded author handle (<see cref="WatchIndex.ContainsAnchor"/>), so a post none of whose texts contains an anchor
/// has no candidate. ASCII text folds to its lower case character for character, so it is scanned as written; any
/// other text is folded first (and not again when it goes on to be tokenized). Levels with a key that has no literal
/// (a fuzzy term) let every post through.
/// </remarks>
internal sealed partial class MatcherSnapshot
{
    private bool _filters;
    private bool _anchorsInLinks;
    private bool _anchorsInAuthor;

    /// <summary>
    /// Returns whether the post may have candidates; <see langword="false"/> only when it has none in any level.
    /// </summary>
    /// <param name="post">The post.</param>
    /// <param name="context">The context the post will be loaded into; its text may be folded here.</param>
    /// <param name="textFolded">Set when the post's text was folded into <paramref name="context"/>.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool MayMatch(Post post, PostContext context, out bool textFolded)
    {
        textFolded = false;
        if (!_filters)
        {
            return true;
        }

        var text = post.Text ?? string.Empty;
        if (Ascii.IsValid(text))
        {
            if (ContainsAnchor(text, lowerAscii: true))
            {
                return true;
            }
        }
        else
        {
            context.Analysis.Fold(text);
            textFolded = true;
            if (ContainsAnchor(context.Analysis.Text.Folded, lowerAscii: false))
            {
                return true;
            }
        }

        if (_anchorsInLinks && LinksContainAnchor(post))
        {
            return true;
        }

        return _anchorsInAuthor && ContainsAnchor(PostContext.FoldHandle(post.Author?.Handle), lowerAscii: false);
    }

    private void FindAnchorTexts(WatchIndex[] levels)
    {
        _filters = true;
        foreach (var level in levels)
        {
            if (level.Watches.Length == 0)
            {
                continue;
            }

            _filters &= level.FiltersByAnchors;
            _anchorsInLinks |= level.AnchorsInLinks;
            _anchorsInAuthor |= level.AnchorsInAuthor;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool ContainsAnchor(ReadOnlySpan<char> text, bool lowerAscii)
    {
        foreach (var level in Levels)
        {
            if (level.ContainsAnchor(text, lowerAscii))
            {
                return true;
            }
        }

        return false;
    }

    // Links that are not in the text are analyzed lower-cased (TextAnalysis.AddLink), which for ASCII is reading
    // capitals as small letters.
    private bool LinksContainAnchor(Post post)
    {
        foreach (var link in post.Entities?.Links ?? [])
        {
            if (link is not null && LinkContainsAnchor(link))
            {
                return true;
            }
        }

        return post.Url is { } url && LinkContainsAnchor(url.OriginalString);
    }

    private bool LinkContainsAnchor(string link) =>
        Ascii.IsValid(link) ? ContainsAnchor(link, lowerAscii: true) : ContainsAnchor(link.ToLowerInvariant(), lowerAscii: false);
}

using System.Runtime.CompilerServices;
using System.Text;
using Monitro.Text;

namespace Monitro.Matching;

/// <summary>
/// The pre-filter: one pass over a post's text with the anchors' automaton of each level tells whether the post can
/// have any candidate, before it is tokenized. Most posts contain no key of any watch, and for them folding (of
/// non-ASCII text only) and a scan are all the work done.
/// </summary>
/// <remarks>
/// Exact, never a guess: every key the index looks up is a slice of the folded text, of a lower-cased link or of the
/// folded author handle (<see cref="WatchIndex.ContainsAnchor"/>), so a post none of whose texts contains an anchor
/// has no candidate. ASCII text folds to its lower case character for character, so it is scanned as written; so is
/// text whose other characters are only emoji (with VS16 and ZWJ) when every anchor is ASCII, since each run of them
/// folds to characters that are not ASCII and keeps the ASCII around it apart, as written (<see cref="AsciiKeptApart"/>).
/// Any other text is folded first (and not again when it goes on to be tokenized). Levels with a key that has no
/// literal (a fuzzy term) let every post through.
/// <para>When most posts contain an anchor (many watches with common words) and go on down the full path, the scan is
/// work for little: after a sample of <see cref="SampleSize"/> posts of which more than <see cref="StandAsidePasses"/>
/// passed (at that rate the scan costs more than the tokenizing it saves; a post decided from its occurrences does not
/// count, it spared the full path as a skipped post does), the next
/// <see cref="BypassLength"/> posts go straight to the index, then a new sample is taken. This only decides whether
/// to look, never what matches. The counters are shared by the threads matching with this snapshot without locks;
/// a lost count only moves the next sample.</para>
/// <para>In an index of so many anchors that deciding a post from its occurrences costs more than the full path
/// (<see cref="WatchIndex.LookUpsCostLess"/>, 100,000 keyword watches), no post is decided here: the scan stops at the
/// first anchor and the post goes to the index; since nearly every post there has one, the scan then stands aside.</para>
/// </remarks>
internal sealed partial class MatcherSnapshot
{
    private bool _filters;
    private bool _anchorsInLinks;
    private bool _anchorsInAuthor;
    private bool _asciiAnchorsOnly;
    private bool _decidesFromHits;
    private bool _lookUpsCostLess;
    private int _sampled;
    private int _passed;
    private int _bypassed;

    /// <summary>Gets the number of posts a sample of the pre-filter's pass rate has.</summary>
    internal const int SampleSize = 1024;

    /// <summary>
    /// Gets the number of posts of a sample that may pass with the scan still running for the next ones: five in eight.
    /// Scanning every post pays while the posts it skips would cost more to tokenize and look up than the scan costs
    /// on all of them; with the scan's rows of 10,000 keyword watches a skipped post's scan costs about two fifths of
    /// its unscanned path, which puts the break-even pass rate near 0.6 when a passing post's scan costs as much as a
    /// skipped one's, and higher since it stops at the first anchor (benchmarks/README.md has the figures).
    /// </summary>
    internal const int StandAsidePasses = SampleSize * 5 / 8;

    /// <summary>Gets the number of posts let through unscanned after a sample in which more than <see cref="StandAsidePasses"/> passed.</summary>
    internal const int BypassLength = 64 * 1024;

    /// <summary>
    /// Returns whether the post may have candidates; <see langword="false"/> only when it has none in any level.
    /// </summary>
    /// <param name="post">The post.</param>
    /// <param name="scratch">The thread's scratch; the post's text may be folded into its context here.</param>
    /// <param name="textFolded">Set when the post's text was folded into the scratch's context.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool MayMatch(Post post, MatchScratch scratch, out bool textFolded) =>
        Prefilter(post, scratch, decide: false, aroundHits: false, out textFolded) != PrefilterVerdict.Skip;

    /// <summary>
    /// The pre-filter: skips a post without any anchor and, when <paramref name="decide"/>, decides a post whose anchors
    /// are all of watches of the shapes <see cref="WordHitDecider"/> takes, its mentions left in
    /// <see cref="MatchScratch.Mentions"/>; when it does not, <see cref="MatchScratch.Obstacle"/> says why.
    /// </summary>
    /// <param name="post">The post.</param>
    /// <param name="scratch">The thread's scratch; the post's text may be folded into its context here.</param>
    /// <param name="decide">Whether a post may be decided here.</param>
    /// <param name="aroundHits">Whether a post may be decided by tokenizing the stretches around its anchors' occurrences.</param>
    /// <param name="textFolded">Set when the post's text was folded into the scratch's context.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public PrefilterVerdict Prefilter(Post post, MatchScratch scratch, bool decide, bool aroundHits, out bool textFolded)
    {
        textFolded = false;
        scratch.Obstacle = DecisionObstacle.None;
        if (!_filters)
        {
            return PrefilterVerdict.Pass;
        }

        if (_sampled >= SampleSize)
        {
            if (_passed > StandAsidePasses && ++_bypassed <= BypassLength)
            {
                return PrefilterVerdict.Pass;
            }

            (_sampled, _passed, _bypassed) = (0, 0, 0);
        }

        _sampled++;
        // Where deciding costs more than the full path (WatchIndex.LookUpsCostLess), the scan only looks for an anchor.
        var verdict = Scan(post, scratch, decide && !_lookUpsCostLess, aroundHits, out textFolded);
        if (verdict == PrefilterVerdict.Pass)
        {
            // Only a post sent down the full path counts as passed: the bar weighs the scan's cost against the full
            // path's, and a post decided from the occurrences spared that path as a skipped one did.
            _passed++;
        }

        return verdict;
    }

    // The pre-filter's scan of the post's text, links and author.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private PrefilterVerdict Scan(Post post, MatchScratch scratch, bool decide, bool aroundHits, out bool textFolded)
    {
        textFolded = false;

        var text = post.Text ?? string.Empty;
        var ascii = Ascii.IsValid(text);

        // When the post can be decided from its occurrences, collecting them is the scan: a post without any is skipped
        // by it, and the text is read once, not once to find an anchor and again to collect them.
        var decides = decide && _decidesFromHits && !(_anchorsInLinks && HasLinks(post));
        if (ascii || (_asciiAnchorsOnly && AsciiKeptApart(text)))
        {
            if (decides)
            {
                if (Decide(text, ascii, post, scratch, aroundHits, ref textFolded) is var verdict and not PrefilterVerdict.Skip)
                {
                    return verdict;
                }
            }
            else if (ContainsAnchor(text, lowerAscii: true))
            {
                return decide ? Decide(text, ascii, post, scratch, aroundHits, ref textFolded) : PrefilterVerdict.Pass;
            }
        }
        else
        {
            var analysis = scratch.Post.Analysis;
            analysis.Fold(text);
            textFolded = true;
            if (decides)
            {
                if (Decide(text, ascii: false, post, scratch, aroundHits, ref textFolded) is var verdict and not PrefilterVerdict.Skip)
                {
                    return verdict;
                }
            }
            else if (ContainsAnchor(analysis.Text.Folded, lowerAscii: false))
            {
                return decide ? Decide(text, ascii: false, post, scratch, aroundHits, ref textFolded) : PrefilterVerdict.Pass;
            }
        }

        if (_anchorsInLinks && LinksContainAnchor(post))
        {
            return PrefilterVerdict.Pass;
        }

        return _anchorsInAuthor && ContainsAnchor(PostContext.FoldHandle(post.Author?.Handle), lowerAscii: false)
            ? PrefilterVerdict.Pass
            : PrefilterVerdict.Skip;
    }

    // Every level decides its watches from the anchors in the text; the post's mentions are all of theirs. Links and
    // the author add no candidate here: there are no anchors of theirs, or no links. Skip when no level found any
    // anchor in the text.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private PrefilterVerdict Decide(string text, bool ascii, Post post, MatchScratch scratch, bool aroundHits, ref bool textFolded)
    {
        if (!_decidesFromHits || (_anchorsInLinks && HasLinks(post)))
        {
            scratch.Obstacle = _decidesFromHits || _anchorsInAuthor ? DecisionObstacle.LinksOrAuthor : DecisionObstacle.NoDecider;
            return PrefilterVerdict.Pass;
        }

        scratch.Mentions.Clear();
        scratch.Candidates.Reset(Count);
        var verdict = PrefilterVerdict.Skip;
        for (var i = 0; i < Levels.Length; i++)
        {
            if (Levels[i].Watches.Length == 0)
            {
                continue;
            }

            switch (Levels[i].TryDecide(text, ascii, ref textFolded, aroundHits, post, _offsets[i], scratch))
            {
                case PrefilterVerdict.Pass:
                    scratch.Mentions.Clear();
                    return PrefilterVerdict.Pass;
                case PrefilterVerdict.DecidedNearHits:
                    verdict = PrefilterVerdict.DecidedNearHits;
                    break;
                case PrefilterVerdict.Decided when verdict == PrefilterVerdict.Skip:
                    verdict = PrefilterVerdict.Decided;
                    break;
            }
        }

        return verdict;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool HasLinks(Post post) => post.Url is not null || post.Entities?.Links is { Count: > 0 };

    private void FindAnchorTexts(WatchIndex[] levels)
    {
        _filters = true;
        _asciiAnchorsOnly = true;
        _decidesFromHits = true;
        foreach (var level in levels)
        {
            if (level.Watches.Length == 0)
            {
                continue;
            }

            _filters &= level.FiltersByAnchors;
            _anchorsInLinks |= level.AnchorsInLinks;
            _anchorsInAuthor |= level.AnchorsInAuthor;
            _asciiAnchorsOnly &= level.AsciiAnchorsOnly;
            _decidesFromHits &= level.DecidesFromHits;
            _lookUpsCostLess |= level.LookUpsCostLess;
        }

        // An author: key adds candidates the text's anchors do not show.
        _decidesFromHits &= !_anchorsInAuthor;
    }

    /// <summary>
    /// Returns whether every character of <paramref name="text"/> that is not ASCII is an emoji, VS16 or ZWJ, with an
    /// emoji in each run of them. The folder appends ASCII lower-cased whatever surrounds it, and an emoji as it is
    /// (emoji never compose with marks, and none is allowed here); VS16 and ZWJ fold to themselves or to nothing. So each
    /// run folds to a non-empty string without ASCII, and an ASCII anchor is in the folded text only if it is in an ASCII
    /// run of the text as written.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool AsciiKeptApart(ReadOnlySpan<char> text)
    {
        var i = text.IndexOfAnyExceptInRange('\0', '\u007F');
        while (i >= 0)
        {
            var emoji = false;
            while (i < text.Length && text[i] >= 0x80)
            {
                var rune = CharClass.RuneAt(text, i, out var length);
                var value = rune.Value;
                if (CharClass.IsEmoji(value) && !CharClass.IsMark(rune))
                {
                    emoji = true;
                }
                else if (value is not (0xFE0F or 0x200D))
                {
                    return false;
                }

                i += length;
            }

            if (!emoji)
            {
                return false;
            }

            var next = text[i..].IndexOfAnyExceptInRange('\0', '\u007F');
            i = next < 0 ? -1 : i + next;
        }

        return true;
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool LinkContainsAnchor(string link) =>
        Ascii.IsValid(link) ? ContainsAnchor(link, lowerAscii: true) : ContainsAnchor(link.ToLowerInvariant(), lowerAscii: false);
}

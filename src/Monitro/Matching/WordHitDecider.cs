using System.Runtime.CompilerServices;
using Monitro.Text;

namespace Monitro.Matching;

/// <summary>
/// Decides the watches of simple shapes (ORs of words, phrases, hashtags, handles and other entities, prefixes and exact
/// literals) from the anchor scan's occurrences, whenever every occurrence is of an anchor of such watches only: plain
/// words from the occurrences alone, without folding or tokenizing the post; anything else by tokenizing only the
/// stretches of text around the occurrences (<see cref="HitRegions"/>). Otherwise it says so, and the post takes the
/// full path.
/// </summary>
/// <remarks>
/// <para><b>Plain words, from the occurrences alone.</b> A keyword watch (words and phrases without slop of ASCII
/// letters and digits, ORed) in a text that is ASCII, or ASCII runs kept apart by emoji
/// (<see cref="MatcherSnapshot.AsciiKeptApart"/>): its ASCII characters fold one for one to their small letters, so a
/// word token of ASCII letters and digits is a slice of the scanned text, and the scan reports every anchor everywhere
/// it occurs.</para>
/// <para>An occurrence is certain when the run of ASCII letters and digits around it starts the text or follows ASCII
/// white space, and ends the text, is followed by white space, or by one of <c>, . ! ?</c> and then white space or the
/// end. No token runs across white space, and every hashtag, handle, cashtag, link, e-mail address, joined term
/// (<c>node.js</c>) or possessive touches its runs with another character, so such a run is one word token and
/// nothing else: the occurrence is a word token when it is the whole run and no token at all when it is part of one.
/// A keyword watch matches only word tokens, so its answer and spans follow from the certain occurrences of its words.
/// A phrase is found at a certain occurrence of one of its words by reading the runs next to it the same way:
/// across white space (after at most one of <c>, . ! ?</c>) a run that is itself certain is the neighbouring token.</para>
/// <para><b>Everything else, from the stretches around the occurrences.</b> When an occurrence is not certain (inside a
/// hashtag, handle, link or joined term, next to an apostrophe or an emoji, in text that is not ASCII), or a watch is
/// not a plain keyword list, the text is folded and only the stretches around the occurrences are tokenized: every
/// token such a watch can match contains an occurrence of one of its anchors (a word, an entity, a prefix's word, a
/// phrase's rarest element), so it lies in one of the stretches, and a phrase's other words lie within its reach of
/// it. The triggered watches are evaluated on those tokens as on the whole post's, and give the same answer and spans.
/// An exact literal is read in the original text, as always.</para>
/// <para>An occurrence of an anchor of any other watch (a boolean query, NEAR, a filter) sends the post to the full
/// path. Work per post is the scan plus a bounded amount per occurrence: at most <see cref="MaxHits"/> occurrences;
/// for plain words, runs of at most <see cref="MaxRun"/> characters and gaps of at most <see cref="MaxGap"/>; the
/// stretches' walk at most twice the text. Beyond them the post takes the full path.</para>
/// </remarks>
internal sealed class WordHitDecider
{
    /// <summary>The most anchor occurrences a post may have to be decided here.</summary>
    public const int MaxHits = 64;

    /// <summary>The longest run of letters and digits looked at around an occurrence.</summary>
    private const int MaxRun = 64;

    /// <summary>The most white space characters read between two words of a phrase.</summary>
    private const int MaxGap = 16;

    // The reach of a pattern an occurrence of which sends the post to the full path.
    private const byte NotDecided = byte.MaxValue;

    private readonly CompiledWatch[] _watches;

    // By pattern: its length, or 0 when an occurrence cannot be decided as a plain word (some watch that is not a
    // keyword watch is indexed by it, it is not all letters and digits, or it is longer than a byte counts). One
    // byte, as a matcher keeps it per anchor.
    private readonly byte[] _certainLength;

    // By pattern: how many chunks with words on each side of an occurrence the watches it triggers may reach (their
    // phrases' other words), or NotDecided when some watch indexed by it is of a shape not decided here.
    private readonly byte[] _reach;

    // The watches an occurrence of pattern p may match: _triggerIds[_triggerStarts[p] .. _triggerStarts[p + 1]).
    private readonly int[] _triggerStarts;
    private readonly int[] _triggerIds;

    private WordHitDecider(CompiledWatch[] watches, byte[] certainLength, byte[] reach, int[] triggerStarts, int[] triggerIds)
    {
        _watches = watches;
        _certainLength = certainLength;
        _reach = reach;
        _triggerStarts = triggerStarts;
        _triggerIds = triggerIds;
    }

    private enum Place
    {
        // The occurrence is a whole word token.
        Word,

        // The occurrence is inside a longer word token.
        InsideWord,

        // Only the tokenizer can tell.
        Uncertain,
    }

    private enum Neighbour
    {
        Found,
        None,
        Uncertain,
    }

    /// <summary>Returns whether a query is a keyword watch this class decides: words and phrases without slop of ASCII letters and digits, ORed.</summary>
    public static bool IsKeywordShape(QueryNode node)
    {
        switch (node)
        {
            case WordTerm word:
                return IsPlain(word.Text);
            case PhraseTerm { Slop: 0 } phrase:
                foreach (var element in phrase.Elements)
                {
                    if (element.Kind != TokenKind.Word || !IsPlain(element.Key))
                    {
                        return false;
                    }
                }

                return true;
            case OrNode or:
                foreach (var child in or.Children)
                {
                    if (!IsKeywordShape(child))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Returns whether a query is of a shape this class decides from the stretches around its anchors' occurrences: an
    /// OR of words, phrases (reaching at most <see cref="HitRegions.MaxReach"/> other words), entities, runs, prefixes and
    /// exact literals.
    /// </summary>
    public static bool IsDecidedShape(QueryNode node)
    {
        switch (node)
        {
            case WordTerm or EntityTerm or RunTerm or PrefixTerm or ExactTerm:
                return true;
            case PhraseTerm phrase:
                return ReachOf(phrase) <= HitRegions.MaxReach;
            case OrNode or:
                foreach (var child in or.Children)
                {
                    if (!IsDecidedShape(child))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Builds the decider of an index, or returns <see langword="null"/> when no watch is of a shape it decides.
    /// </summary>
    /// <param name="watches">The index's watches.</param>
    /// <param name="patterns">The anchors' automaton's patterns, by number.</param>
    /// <param name="anchorStarts">
    /// By watch: where its anchors start in <paramref name="anchorPatterns"/> (every index key has one, and keys may
    /// share one); the watch's anchors end where the next watch's start, the last one's at the array's last item.
    /// </param>
    /// <param name="anchorPatterns">The pattern numbers of the watches' anchors, watch after watch.</param>
    /// <param name="decidedShapes">By watch: whether it is of a shape decided here (<see cref="IsDecidedShape"/>).</param>
    /// <remarks>The index hands over the pattern number of each anchor it found while it built its automaton, so nothing is looked up here.</remarks>
    public static WordHitDecider? TryBuild(CompiledWatch[] watches, IReadOnlyList<string> patterns, int[] anchorStarts, ReadOnlySpan<int> anchorPatterns, bool[] decidedShapes)
    {
        var certainLength = new byte[patterns.Count];
        for (var p = 0; p < patterns.Count; p++)
        {
            certainLength[p] = IsPlain(patterns[p]) && patterns[p].Length <= byte.MaxValue ? (byte)patterns[p].Length : (byte)0;
        }

        var reach = new byte[patterns.Count];
        for (var id = 0; id < watches.Length; id++)
        {
            if (!decidedShapes[id])
            {
                for (var a = anchorStarts[id]; a < anchorStarts[id + 1]; a++)
                {
                    certainLength[anchorPatterns[a]] = 0;
                    reach[anchorPatterns[a]] = NotDecided;
                }
            }
        }

        // Two passes over the watches (count, then fill from the back) rather than a list of pairs: building keeps
        // within the matcher's allocation budget per watch. A watch's anchors may repeat a pattern: the last watch
        // that counted a pattern is noted (id + 1 when counting, -(id + 1) when filling), so each counts once.
        var starts = new int[patterns.Count + 1];
        var lastWatch = new int[patterns.Count];
        var any = false;
        for (var id = 0; id < watches.Length; id++)
        {
            if (!decidedShapes[id])
            {
                continue;
            }

            var root = watches[id].Root;
            var keyword = IsKeywordShape(root);
            var watchReach = (byte)ReachOf(root);
            for (var a = anchorStarts[id]; a < anchorStarts[id + 1]; a++)
            {
                var p = anchorPatterns[a];
                if (lastWatch[p] == id + 1)
                {
                    continue;
                }

                lastWatch[p] = id + 1;
                any = true;
                starts[p]++;
                certainLength[p] = keyword ? certainLength[p] : (byte)0;
                reach[p] = reach[p] == NotDecided ? NotDecided : Math.Max(reach[p], watchReach);
            }
        }

        if (!any)
        {
            return null;
        }

        for (var p = 1; p <= patterns.Count; p++)
        {
            starts[p] += starts[p - 1];
        }

        var ids = new int[starts[patterns.Count]];
        for (var id = watches.Length - 1; id >= 0; id--)
        {
            if (!decidedShapes[id])
            {
                continue;
            }

            for (var a = anchorStarts[id]; a < anchorStarts[id + 1]; a++)
            {
                var p = anchorPatterns[a];
                if (lastWatch[p] != -(id + 1))
                {
                    lastWatch[p] = -(id + 1);
                    ids[--starts[p]] = id;
                }
            }
        }

        return new WordHitDecider(watches, certainLength, reach, starts, ids);
    }

    /// <summary>
    /// Decides the watches of a text, adding a mention for each that matches to
    /// <see cref="MatchScratch.Mentions"/>: <see cref="PrefilterVerdict.Skip"/> when it has no anchor,
    /// <see cref="PrefilterVerdict.Decided"/> from plain words,
    /// <see cref="PrefilterVerdict.DecidedNearHits"/> from the stretches around the occurrences, or
    /// <see cref="PrefilterVerdict.Pass"/> (nothing added, <see cref="MatchScratch.Obstacle"/> says why) when the post
    /// needs the full path.
    /// </summary>
    /// <param name="anchors">The index's anchors' automaton.</param>
    /// <param name="text">The post's text.</param>
    /// <param name="ascii">Whether the text is all ASCII (its folded form then has its characters at the same indices).</param>
    /// <param name="textFolded">
    /// Whether the text was folded into the scratch's context already (it is not ASCII or ASCII kept apart by emoji, or
    /// an index before folded it); set when it is folded here.
    /// </param>
    /// <param name="aroundHits">Whether posts may be decided from the stretches around the occurrences.</param>
    /// <param name="post">The post.</param>
    /// <param name="offset">The candidate id of the index's first watch.</param>
    /// <param name="scratch">The thread's scratch; its candidate set was reset for this post.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public PrefilterVerdict TryDecide(AhoCorasick anchors, string text, bool ascii, ref bool textFolded, bool aroundHits, Post post, int offset, MatchScratch scratch)
    {
        var hits = scratch.Hits;
        var analysis = scratch.Post.Analysis;
        var count = anchors.CollectHits(textFolded ? analysis.Text.Folded : text, hits);
        if (count == 0)
        {
            return PrefilterVerdict.Skip;
        }

        if (textFolded && scratch.Obstacle == DecisionObstacle.None)
        {
            scratch.Obstacle = DecisionObstacle.FoldedText;
        }

        if (!textFolded && count >= 0)
        {
            var words = WholeWords(text, hits.AsSpan(0, count), scratch);
            if (words >= 0 && DecideWords(text, scratch.WordHits.AsSpan(0, words), post, offset, scratch))
            {
                return PrefilterVerdict.Decided;
            }

            if (!aroundHits)
            {
                return PrefilterVerdict.Pass;
            }

            analysis.Fold(text);
            textFolded = true;
            if (!ascii)
            {
                // Emoji fold to other lengths: the occurrences move.
                count = anchors.CollectHits(analysis.Text.Folded, hits);
            }
        }
        else if (!aroundHits)
        {
            scratch.Obstacle = count < 0 ? DecisionObstacle.TooManyHits : scratch.Obstacle;
            return PrefilterVerdict.Pass;
        }

        if (count < 0)
        {
            scratch.Obstacle = DecisionObstacle.TooManyHits;
            return PrefilterVerdict.Pass;
        }

        return DecideAroundHits(analysis.Text.Folded, hits.AsSpan(0, count), post, offset, scratch)
            ? PrefilterVerdict.DecidedNearHits
            : PrefilterVerdict.Pass;
    }

    // Copies the occurrences that are whole words to the scratch's WordHits, in text order, and returns their number;
    // -1 (the obstacle noted) when some occurrence is not certain.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int WholeWords(ReadOnlySpan<char> text, ReadOnlySpan<AnchorHit> hits, MatchScratch scratch)
    {
        var wordHits = scratch.WordHits;
        var words = 0;
        foreach (var hit in hits)
        {
            var length = _certainLength[hit.Pattern];
            if (length == 0)
            {
                scratch.Obstacle = _reach[hit.Pattern] == NotDecided ? DecisionObstacle.SharedAnchor : DecisionObstacle.NotPlainAnchor;
                return -1;
            }

            switch (PlaceOf(text, hit.End - length, hit.End))
            {
                case Place.Word:
                    wordHits[words++] = hit;
                    break;
                case Place.Uncertain:
                    scratch.Obstacle = ObstacleAt(text, hit.End - 1);
                    return -1;
            }
        }

        return words;
    }

    // Decides the keyword watches the whole-word occurrences trigger; false, with nothing added, when a phrase's
    // neighbour is not certain.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool DecideWords(ReadOnlySpan<char> text, ReadOnlySpan<AnchorHit> wordHits, Post post, int offset, MatchScratch scratch)
    {
        var candidates = scratch.Candidates;
        var first = candidates.Ids.Count;
        foreach (var hit in wordHits)
        {
            var p = hit.Pattern;
            candidates.AddAll(_triggerIds.AsSpan(_triggerStarts[p], _triggerStarts[p + 1] - _triggerStarts[p]), offset);
        }

        var spans = scratch.Spans;
        var mentions = scratch.Mentions;
        var firstMention = mentions.Count;
        for (var c = first; c < candidates.Ids.Count; c++)
        {
            var watch = _watches[candidates.Ids[c] - offset];
            if (watch.IsRemoved)
            {
                continue;
            }

            spans.Clear();
            if (!AddSpans(watch.Root, text, wordHits, spans))
            {
                mentions.RemoveRange(firstMention, mentions.Count - firstMention);
                scratch.Obstacle = DecisionObstacle.PhraseNeighbour;
                return false;
            }

            if (spans.Count > 0)
            {
                mentions.Add(new(watch.Name, new Mention { Post = post, Watch = watch.Watch, Spans = MentionMatcher.MergeSpans(spans) }));
            }
        }

        return true;
    }

    // Tokenizes the stretches around the occurrences and evaluates the watches they trigger on those tokens; false,
    // with nothing added, when an occurrence is of an anchor of a watch of another shape or the stretches cost too much.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool DecideAroundHits(ReadOnlySpan<char> folded, ReadOnlySpan<AnchorHit> hits, Post post, int offset, MatchScratch scratch)
    {
        foreach (var hit in hits)
        {
            if (_reach[hit.Pattern] == NotDecided)
            {
                scratch.Obstacle = DecisionObstacle.SharedAnchor;
                return false;
            }
        }

        var regions = scratch.Regions;
        if (!regions.TryCollect(folded, hits, _reach))
        {
            scratch.Obstacle = DecisionObstacle.RegionBudget;
            return false;
        }

        var context = scratch.Post;
        context.LoadAround(post, regions);

        // A fresh stamp: watches of this index the plain-word attempt collected are candidates again.
        var candidates = scratch.Candidates;
        candidates.Reset(0);
        foreach (var hit in hits)
        {
            var p = hit.Pattern;
            candidates.AddAll(_triggerIds.AsSpan(_triggerStarts[p], _triggerStarts[p + 1] - _triggerStarts[p]), offset);
        }

        var spans = scratch.Spans;
        foreach (var id in candidates.Ids)
        {
            var watch = _watches[id - offset];
            spans.Clear();
            if (!watch.IsRemoved && scratch.Evaluator.Match(watch.Root, context, spans))
            {
                scratch.Mentions.Add(new(watch.Name, new Mention { Post = post, Watch = watch.Watch, Spans = MentionMatcher.MergeSpans(spans) }));
            }
        }

        return true;
    }

    // What stands at an occurrence the plain-word reading cannot settle, by the chunk of text around it (for the counts).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static DecisionObstacle ObstacleAt(ReadOnlySpan<char> text, int at)
    {
        var start = at;
        while (start > 0 && !SocialTokenizer.IsSeparator(text[start - 1]))
        {
            start--;
        }

        var end = at;
        while (end < text.Length && !SocialTokenizer.IsSeparator(text[end]))
        {
            end++;
        }

        var chunk = text[start..end];
        return chunk switch
        {
            ['#', ..] => DecisionObstacle.Hashtag,
            ['@', ..] => DecisionObstacle.Handle,
            _ when chunk.Contains("://", StringComparison.Ordinal) || chunk.Contains('@') => DecisionObstacle.Link,
            _ when chunk.ContainsAnyExceptInRange('\0', '\u007F') => DecisionObstacle.Emoji,
            _ when chunk.Contains('\'') => DecisionObstacle.Apostrophe,
            _ when chunk.IndexOfAny('#', '+', '_') >= 0 || chunk.TrimEnd(".,!?").Contains('.') => DecisionObstacle.Joined,
            _ => DecisionObstacle.OtherNeighbour,
        };
    }

    // The spans of every occurrence of the keyword watch's words and phrases; false when a phrase's neighbour is uncertain.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool AddSpans(QueryNode node, ReadOnlySpan<char> text, ReadOnlySpan<AnchorHit> wordHits, List<MatchSpan> spans)
    {
        switch (node)
        {
            case OrNode or:
                foreach (var child in or.Children)
                {
                    if (!AddSpans(child, text, wordHits, spans))
                    {
                        return false;
                    }
                }

                return true;
            case WordTerm word:
                foreach (var hit in wordHits)
                {
                    if (IsOccurrenceOf(text, hit, word.Text))
                    {
                        spans.Add(new MatchSpan(hit.End - word.Text.Length, word.Text.Length));
                    }
                }

                return true;
            default:
                var phrase = (PhraseTerm)node;
                foreach (var hit in wordHits)
                {
                    for (var j = 0; j < phrase.Elements.Length; j++)
                    {
                        var key = phrase.Elements[j].Key;
                        if (!IsOccurrenceOf(text, hit, key))
                        {
                            continue;
                        }

                        switch (PhraseAround(text, phrase.Elements, j, hit.End - key.Length, hit.End, out var span))
                        {
                            case Neighbour.Found:
                                spans.Add(span);
                                break;
                            case Neighbour.Uncertain:
                                return false;
                        }
                    }
                }

                return true;
        }
    }

    // Whether the occurrence is of the key: of its length and, read with small letters, the same text (the occurrence's
    // own pattern is that text, so this is the pattern being the key).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool IsOccurrenceOf(ReadOnlySpan<char> text, AnchorHit hit, string key) =>
        _certainLength[hit.Pattern] == key.Length && text.Slice(hit.End - key.Length, key.Length).Equals(key, StringComparison.OrdinalIgnoreCase);

    // Whether the phrase occurs with element j at the whole word [start, end): its other elements must be the words
    // next to it, on both sides.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Neighbour PhraseAround(ReadOnlySpan<char> text, PhraseElement[] elements, int j, int start, int end, out MatchSpan span)
    {
        span = default;
        var first = start;
        for (var k = j - 1; k >= 0; k--)
        {
            var found = WordBefore(text, first, out var wordStart, out var wordEnd);
            if (found != Neighbour.Found)
            {
                return found;
            }

            if (!text[wordStart..wordEnd].Equals(elements[k].Key, StringComparison.OrdinalIgnoreCase))
            {
                return Neighbour.None;
            }

            first = wordStart;
        }

        var last = end;
        for (var k = j + 1; k < elements.Length; k++)
        {
            var found = WordAfter(text, last, out var wordStart, out var wordEnd);
            if (found != Neighbour.Found)
            {
                return found;
            }

            if (!text[wordStart..wordEnd].Equals(elements[k].Key, StringComparison.OrdinalIgnoreCase))
            {
                return Neighbour.None;
            }

            last = wordEnd;
        }

        span = new MatchSpan(first, last - first);
        return Neighbour.Found;
    }

    // The certain word token just before the certain run that starts at start.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Neighbour WordBefore(ReadOnlySpan<char> text, int start, out int wordStart, out int wordEnd)
    {
        wordStart = wordEnd = 0;
        var k = start;
        var gap = 0;
        while (k > 0 && IsSpace(text[k - 1]))
        {
            k--;
            if (++gap > MaxGap)
            {
                return Neighbour.Uncertain;
            }
        }

        if (k > 0 && IsSentenceMark(text[k - 1]))
        {
            k--;
        }

        if (k == 0)
        {
            // Only white space and at most one mark before: no token.
            return Neighbour.None;
        }

        if (!char.IsAsciiLetterOrDigit(text[k - 1]))
        {
            return Neighbour.Uncertain;
        }

        wordEnd = k;
        while (k > 0 && char.IsAsciiLetterOrDigit(text[k - 1]))
        {
            k--;
            if (wordEnd - k > MaxRun)
            {
                return Neighbour.Uncertain;
            }
        }

        wordStart = k;
        return StartsRun(text, k) ? Neighbour.Found : Neighbour.Uncertain;
    }

    // The certain word token just after the certain run that ends at end.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Neighbour WordAfter(ReadOnlySpan<char> text, int end, out int wordStart, out int wordEnd)
    {
        wordStart = wordEnd = 0;
        var k = end;
        if (k < text.Length && IsSentenceMark(text[k]))
        {
            k++;
        }

        var gap = 0;
        while (k < text.Length && IsSpace(text[k]))
        {
            k++;
            if (++gap > MaxGap)
            {
                return Neighbour.Uncertain;
            }
        }

        if (k == text.Length)
        {
            return Neighbour.None;
        }

        if (!char.IsAsciiLetterOrDigit(text[k]))
        {
            return Neighbour.Uncertain;
        }

        wordStart = k;
        while (k < text.Length && char.IsAsciiLetterOrDigit(text[k]))
        {
            k++;
            if (k - wordStart > MaxRun)
            {
                return Neighbour.Uncertain;
            }
        }

        wordEnd = k;
        return EndsRun(text, k) ? Neighbour.Found : Neighbour.Uncertain;
    }

    // Where an occurrence of a pattern of letters and digits at [start, end) stands (see the remarks).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Place PlaceOf(ReadOnlySpan<char> text, int start, int end)
    {
        var runStart = start;
        while (runStart > 0 && char.IsAsciiLetterOrDigit(text[runStart - 1]))
        {
            runStart--;
            if (start - runStart > MaxRun)
            {
                return Place.Uncertain;
            }
        }

        var runEnd = end;
        while (runEnd < text.Length && char.IsAsciiLetterOrDigit(text[runEnd]))
        {
            runEnd++;
            if (runEnd - end > MaxRun)
            {
                return Place.Uncertain;
            }
        }

        if (!StartsRun(text, runStart) || !EndsRun(text, runEnd))
        {
            return Place.Uncertain;
        }

        return runStart == start && runEnd == end ? Place.Word : Place.InsideWord;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool StartsRun(ReadOnlySpan<char> text, int start) => start == 0 || IsSpace(text[start - 1]);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool EndsRun(ReadOnlySpan<char> text, int end) =>
        end == text.Length || IsSpace(text[end]) || (IsSentenceMark(text[end]) && (end + 1 == text.Length || IsSpace(text[end + 1])));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r';

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsSentenceMark(char c) => c is ',' or '.' or '!' or '?';

    // A folded key the decider can reason about: ASCII small letters and digits only.
    private static bool IsPlain(string key)
    {
        if (key.Length == 0)
        {
            return false;
        }

        foreach (var c in key)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    // The most other words a phrase of the query may span from one of its words (0 without phrases).
    private static int ReachOf(QueryNode node)
    {
        switch (node)
        {
            case PhraseTerm phrase:
                return phrase.Elements.Length - 1 + phrase.Slop;
            case OrNode or:
                var reach = 0;
                foreach (var child in or.Children)
                {
                    reach = Math.Max(reach, ReachOf(child));
                }

                return reach;
            default:
                return 0;
        }
    }
}

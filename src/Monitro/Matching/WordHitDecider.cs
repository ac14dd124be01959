using System.Runtime.CompilerServices;
using Monitro.Text;

namespace Monitro.Matching;

/// <summary>
/// Decides keyword watches (a word, a phrase without slop, or an OR of them, all of ASCII letters and digits) from the
/// anchor scan's occurrences in plain text, without folding or tokenizing the post, whenever every occurrence stands
/// where the tokenizer's answer is certain; otherwise it says so, and the post takes the full path.
/// </summary>
/// <remarks>
/// <para>The text is ASCII, or ASCII runs kept apart by emoji (<see cref="MatcherSnapshot.AsciiKeptApart"/>): its ASCII
/// characters fold one for one to their small letters, so a word token of ASCII letters and digits is a slice of the
/// scanned text, and the scan reports every anchor everywhere it occurs.</para>
/// <para>An occurrence is certain when the run of ASCII letters and digits around it starts the text or follows ASCII
/// white space, and ends the text, is followed by white space, or by one of <c>, . ! ?</c> and then white space or the
/// end. No token runs across white space, and every hashtag, handle, cashtag, link, e-mail address, joined term
/// (<c>node.js</c>) or possessive touches its runs with another character, so such a run is one word token and
/// nothing else: the occurrence is a word token when it is the whole run and no token at all when it is part of one.
/// A keyword watch matches only word tokens, so its answer and spans follow from the certain occurrences of its words.
/// Any occurrence that is not certain, or an occurrence of an anchor of a watch of another shape, sends the post to
/// the full path.</para>
/// <para>A phrase is found at a certain occurrence of one of its words by reading the runs next to it the same way:
/// across white space (after at most one of <c>, . ! ?</c>) a run that is itself certain is the neighbouring token; a
/// neighbour of any other form sends the post to the full path.</para>
/// <para>Work per post is the scan plus a bounded amount per occurrence: at most <see cref="MaxHits"/> occurrences,
/// runs of at most <see cref="MaxRun"/> characters and gaps of at most <see cref="MaxGap"/>; beyond them the post
/// takes the full path.</para>
/// </remarks>
internal sealed class WordHitDecider
{
    /// <summary>The most anchor occurrences a post may have to be decided here.</summary>
    public const int MaxHits = 64;

    /// <summary>The longest run of letters and digits looked at around an occurrence.</summary>
    private const int MaxRun = 64;

    /// <summary>The most white space characters read between two words of a phrase.</summary>
    private const int MaxGap = 16;

    private readonly CompiledWatch[] _watches;

    // By pattern: its length, or 0 when an occurrence needs the full path (some watch of another shape is indexed by
    // it, it is not all letters and digits, or it is longer than a byte counts). One byte, as a matcher keeps it per anchor.
    private readonly byte[] _certainLength;

    // The keyword watches a whole-word occurrence of pattern p may match: _triggerIds[_triggerStarts[p] .. _triggerStarts[p + 1]).
    private readonly int[] _triggerStarts;
    private readonly int[] _triggerIds;

    private WordHitDecider(CompiledWatch[] watches, byte[] certainLength, int[] triggerStarts, int[] triggerIds)
    {
        _watches = watches;
        _certainLength = certainLength;
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
    /// Builds the decider of an index, or returns <see langword="null"/> when no watch is a keyword watch.
    /// </summary>
    /// <param name="watches">The index's watches.</param>
    /// <param name="anchors">The numbers of the index's anchors' automaton's patterns.</param>
    /// <param name="patterns">The automaton's patterns, by number.</param>
    /// <param name="otherAnchors">The anchors of the watches that are not keyword watches.</param>
    public static WordHitDecider? TryBuild(CompiledWatch[] watches, PatternNumbers anchors, IReadOnlyList<string> patterns, List<string> otherAnchors)
    {
        var certainLength = new byte[patterns.Count];
        for (var p = 0; p < patterns.Count; p++)
        {
            certainLength[p] = IsPlain(patterns[p]) && patterns[p].Length <= byte.MaxValue ? (byte)patterns[p].Length : (byte)0;
        }

        foreach (var anchor in otherAnchors)
        {
            if (anchors.Of(anchor) is var p and >= 0)
            {
                certainLength[p] = 0;
            }
        }

        // Two passes over the watches (count, then fill from the back) rather than a list of pairs: building keeps
        // within the matcher's allocation budget per watch.
        var starts = new int[patterns.Count + 1];
        var triggers = new HashSet<int>();
        var any = false;
        for (var id = 0; id < watches.Length; id++)
        {
            if (!Triggers(watches[id].Root, anchors, triggers, out var keyword))
            {
                // A word or phrase with no anchor could match a post without any occurrence: decide nothing here.
                return null;
            }

            any |= keyword;
            foreach (var p in triggers)
            {
                starts[p]++;
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
            Triggers(watches[id].Root, anchors, triggers, out _);
            foreach (var p in triggers)
            {
                ids[--starts[p]] = id;
            }
        }

        return new WordHitDecider(watches, certainLength, starts, ids);
    }

    /// <summary>
    /// Decides the keyword watches of a plain text (see the remarks), adding a mention for each that matches to
    /// <see cref="MatchScratch.Mentions"/>; returns <see langword="false"/> when some occurrence needs the full path.
    /// </summary>
    /// <param name="anchors">The index's anchors' automaton.</param>
    /// <param name="text">The post's text, ASCII or ASCII runs kept apart by emoji.</param>
    /// <param name="post">The post.</param>
    /// <param name="offset">The candidate id of the index's first watch.</param>
    /// <param name="scratch">The thread's scratch; its candidate set was reset for this post.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryDecide(AhoCorasick anchors, ReadOnlySpan<char> text, Post post, int offset, MatchScratch scratch)
    {
        var hits = scratch.Hits;
        var count = anchors.CollectHits(text, hits);
        if (count < 0)
        {
            return false;
        }

        // The occurrences that are whole words move to the front, still in text order.
        var words = 0;
        for (var h = 0; h < count; h++)
        {
            var hit = hits[h];
            var length = _certainLength[hit.Pattern];
            if (length == 0)
            {
                return false;
            }

            switch (PlaceOf(text, hit.End - length, hit.End))
            {
                case Place.Word:
                    hits[words++] = hit;
                    break;
                case Place.Uncertain:
                    return false;
            }
        }

        var candidates = scratch.Candidates;
        var first = candidates.Ids.Count;
        for (var h = 0; h < words; h++)
        {
            var p = hits[h].Pattern;
            candidates.AddAll(_triggerIds.AsSpan(_triggerStarts[p], _triggerStarts[p + 1] - _triggerStarts[p]), offset);
        }

        var wordHits = hits.AsSpan(0, words);
        var spans = scratch.Spans;
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
                return false;
            }

            if (spans.Count > 0)
            {
                scratch.Mentions.Add(new(watch.Name, new Mention { Post = post, Watch = watch.Watch, Spans = MentionMatcher.MergeSpans(spans) }));
            }
        }

        return true;
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

    // Fills triggers with the pattern numbers of a keyword watch's words (of each phrase, its words that are anchors);
    // empty for a watch of another shape. False when some word or phrase of a keyword watch has no anchor.
    private static bool Triggers(QueryNode root, PatternNumbers anchors, HashSet<int> triggers, out bool keyword)
    {
        triggers.Clear();
        keyword = IsKeywordShape(root);
        return !keyword || AddTriggers(root, anchors, triggers);
    }

    private static bool AddTriggers(QueryNode node, PatternNumbers anchors, HashSet<int> triggers)
    {
        switch (node)
        {
            case OrNode or:
                var all = true;
                foreach (var child in or.Children)
                {
                    all &= AddTriggers(child, anchors, triggers);
                }

                return all;
            case WordTerm word:
                var p = anchors.Of(word.Text);
                if (p < 0)
                {
                    return false;
                }

                triggers.Add(p);
                return true;
            default:
                var any = false;
                foreach (var element in ((PhraseTerm)node).Elements)
                {
                    if (anchors.Of(element.Key) is var e and >= 0)
                    {
                        triggers.Add(e);
                        any = true;
                    }
                }

                return any;
        }
    }
}

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Monitro.Text;

namespace Monitro.Matching;

/// <summary>
/// The occurrences of keyword watches' words that the index found while it looked up a post's tokens, so that such a
/// watch's mention is built from them without evaluating its query. Reused between posts by one thread.
/// </summary>
/// <remarks>
/// <para>A keyword watch (<see cref="IsKeywordWatch"/>) is a word or an OR of different words. Its index keys are its
/// words, and the index looks up every word token of a post and, in a large index, every stretch of a hashtag or handle
/// between word boundaries (<see cref="WatchIndex"/>): together exactly the places where the evaluator finds the word
/// (<see cref="QueryEvaluator.Match"/>: word tokens with the word as key, and <see cref="EntityWordMatcher"/>'s
/// occurrences). So the occurrences noted here for such a watch are the ones evaluation would find, and its spans are
/// made from them the same way: the occurrences of each word reduced to the minimal ones, then merged.</para>
/// <para>When an index finds words inside an entity with its automaton instead (small indexes, or an entity of very many
/// parts), that automaton reports more than the words on boundaries, and the post is marked incomplete: every keyword
/// watch of it is then evaluated like any other watch.</para>
/// </remarks>
internal sealed class KeywordHits
{
    // A longer list grown by a long post is left to the collector, so the scratch of a thread stays small.
    private const int MaxKeptRecords = 4_096;

    // The most words of an OR that is taken as a keyword watch: the check that its words differ compares every pair.
    private const int MaxWords = 64;

    private readonly List<Hit> _occurrences = new(8);
    private Record[] _records = new Record[16];
    private int _count;

    /// <summary>Gets the number of occurrences noted for the post.</summary>
    public int Count => _count;

    /// <summary>Gets whether the occurrences of every keyword watch that is a candidate are all here.</summary>
    public bool Complete { get; private set; } = true;

    /// <summary>Returns whether a watch's query is a word or an OR of different words, so that its words' occurrences decide and highlight it.</summary>
    public static bool IsKeywordWatch(QueryNode root)
    {
        if (root is WordTerm)
        {
            return true;
        }

        if (root is not OrNode { Children: var children } || children.Length > MaxWords)
        {
            return false;
        }

        for (var i = 0; i < children.Length; i++)
        {
            if (children[i] is not WordTerm word)
            {
                return false;
            }

            for (var j = 0; j < i; j++)
            {
                if (((WordTerm)children[j]).Text == word.Text)
                {
                    return false; // "acme" OR acme: two readings of one word, left to the evaluator.
                }
            }
        }

        return true;
    }

    /// <summary>Forgets the post before.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Reset()
    {
        if (_records.Length > MaxKeptRecords)
        {
            _records = new Record[16];
        }

        _count = 0;
        Complete = true;
    }

    /// <summary>Notes that some keyword watch's occurrences may be missing here (its words were looked for by an automaton).</summary>
    public void MarkIncomplete() => Complete = false;

    /// <summary>Notes an occurrence of a keyword watch's word.</summary>
    /// <param name="watch">The watch's candidate id.</param>
    /// <param name="hit">The occurrence.</param>
    /// <param name="keyStart">The start of the word in the post's folded text.</param>
    /// <param name="keyLength">The length of the word.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(int watch, in Hit hit, int keyStart, int keyLength)
    {
        if (_count == _records.Length)
        {
            Array.Resize(ref _records, _count * 2);
        }

        _records[_count++] = new Record(watch, hit, keyStart, keyLength);
    }

    /// <summary>Puts the occurrences in the order of their watches' ids (call once, after the last <see cref="Add"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void SortByWatch()
    {
        // The order within a watch does not matter: each word's occurrences are sorted again when they are reduced.
        if (_count > 1)
        {
            SmallSort.Sort(_records.AsSpan(0, _count), default(ByWatch));
        }
    }

    /// <summary>Gets the watch of the occurrence at <paramref name="index"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int WatchAt(int index) => _records[index].Watch;

    /// <summary>Gets the end of the run of occurrences of the watch of the occurrence at <paramref name="start"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int RunEnd(int start)
    {
        var watch = _records[start].Watch;
        var end = start + 1;
        while (end < _count && _records[end].Watch == watch)
        {
            end++;
        }

        return end;
    }

    /// <summary>Returns whether occurrences of the watch were noted (after <see cref="SortByWatch"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Contains(int watch)
    {
        var low = 0;
        var high = _count - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            var at = _records[middle].Watch;
            if (at == watch)
            {
                return true;
            }

            if (at < watch)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return false;
    }

    /// <summary>
    /// Adds the spans of the run of one watch's occurrences [<paramref name="start"/>, <paramref name="end"/>): for each
    /// word, its minimal occurrences, as <see cref="QueryEvaluator.Match"/> adds those of each word of an OR.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddSpans(int start, int end, FoldedText text, List<MatchSpan> spans)
    {
        var records = _records.AsSpan(start, end - start);
        var occurrences = _occurrences;
        var steps = 0L;
        for (var i = 0; i < records.Length; i++)
        {
            if (records[i].KeyLength < 0)
            {
                continue; // Taken with an earlier occurrence of the same word.
            }

            var word = text.Slice(records[i].KeyStart, records[i].KeyLength);
            occurrences.Clear();
            for (var j = i; j < records.Length; j++)
            {
                if (records[j].KeyLength == word.Length && text.Slice(records[j].KeyStart, records[j].KeyLength).SequenceEqual(word))
                {
                    occurrences.Add(records[j].Hit);
                    records[j] = records[j] with { KeyLength = -1 };
                }
            }

            PositionalMerge.Minimize(occurrences, ref steps);
            QueryEvaluator.AddSpans(occurrences, spans);
        }

        occurrences.Clear();
    }

    /// <summary>An occurrence of a word of a watch: the watch's candidate id, where it is, and the word in the folded text.</summary>
    [StructLayout(LayoutKind.Auto)]
    private readonly record struct Record(int Watch, Hit Hit, int KeyStart, int KeyLength);

    private readonly struct ByWatch : IComparer<Record>
    {
        public int Compare(Record x, Record y) => x.Watch.CompareTo(y.Watch);
    }
}

namespace Monitro.Alerting;

/// <summary>
/// Counts the mentions of one watch in one window and keeps what a summary shows: the most visible posts, the
/// people and the words. Memory is bounded: at most <see cref="MaxDistinct"/> people and terms are counted.
/// </summary>
internal sealed class MentionTally
{
    private const int MaxDistinct = 2_000;
    private const int MaxTopPosts = 50;
    private readonly Dictionary<string, (string Label, int Count)> _people = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _terms = new(StringComparer.Ordinal);
    private readonly List<Mention> _topPosts = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    private readonly HashSet<string> _watchWords;

    public MentionTally(Watch watch)
    {
        Watch = watch;

        // The watch's own words are in every mention; they say nothing about what drove the volume.
        _watchWords = [.. SummaryTerms.Of(watch.Name + " " + watch.Query)];
    }

    public Watch Watch { get; }

    public int Count { get; private set; }

    public int Negative { get; private set; }

    public int Positive { get; private set; }

    /// <summary>Adds a mention; the same mention twice counts once.</summary>
    public void Add(Mention mention)
    {
        if (_seen.Count < MaxDistinct * 10 && !_seen.Add(mention.Id))
        {
            return;
        }

        Count++;
        switch (mention.Signals?.Sentiment.Label)
        {
            case SentimentLabel.Negative:
                Negative++;
                break;
            case SentimentLabel.Positive:
                Positive++;
                break;
        }

        var author = mention.Post.Author;
        if (_people.TryGetValue(author.IdentityKey, out var person))
        {
            _people[author.IdentityKey] = (person.Label, person.Count + 1);
        }
        else if (_people.Count < MaxDistinct)
        {
            _people[author.IdentityKey] = ("@" + author.Handle, 1);
        }

        foreach (var term in SummaryTerms.Of(mention.Post.Text))
        {
            if (_watchWords.Contains(term))
            {
                continue;
            }

            if (_terms.TryGetValue(term, out var count))
            {
                _terms[term] = count + 1;
            }
            else if (_terms.Count < MaxDistinct)
            {
                _terms[term] = 1;
            }
        }

        KeepIfVisible(mention);
    }

    public WatchSummary Summarize(int top) => new()
    {
        Watch = Watch,
        Mentions = Count,
        Negative = Negative,
        Positive = Positive,
        TopPosts = [.. _topPosts.Take(top)],
        TopPeople = [.. _people
            .OrderByDescending(pair => pair.Value.Count).ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Take(top)
            .Select(pair => new RankedCount(pair.Key, pair.Value.Label, pair.Value.Count))],
        TopTerms = [.. _terms
            .OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Take(top)
            .Select(pair => new RankedCount(pair.Key, pair.Key, pair.Value))],
    };

    // Most followers first, then newest, then by id so the order never depends on arrival.
    private static int Visibility(Mention a, Mention b)
    {
        var byFollowers = (b.Post.Author.Followers ?? 0).CompareTo(a.Post.Author.Followers ?? 0);
        if (byFollowers != 0)
        {
            return byFollowers;
        }

        var byTime = b.Post.CreatedAt.CompareTo(a.Post.CreatedAt);
        return byTime != 0 ? byTime : string.CompareOrdinal(a.Id, b.Id);
    }

    private void KeepIfVisible(Mention mention)
    {
        var index = _topPosts.BinarySearch(mention, Comparer<Mention>.Create(Visibility));
        index = index < 0 ? ~index : index;
        if (index >= MaxTopPosts)
        {
            return;
        }

        _topPosts.Insert(index, mention);
        if (_topPosts.Count > MaxTopPosts)
        {
            _topPosts.RemoveAt(_topPosts.Count - 1);
        }
    }
}

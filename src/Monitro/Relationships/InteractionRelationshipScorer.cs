using System.Globalization;
using System.Text;

namespace Monitro.Relationships;

/// <summary>
/// The built-in relationship scorer: a Bond score from kind-weighted interactions that decay with a 30-day
/// half-life, saturate with volume, and count more when the conversation is two-way and long-standing.
/// </summary>
/// <remarks>
/// The weights follow the tie-strength findings summarized in Monitro's scoring design: recency first, then
/// reciprocity and duration. Thread-safe; recording an interaction id twice has no effect.
/// </remarks>
internal sealed class InteractionRelationshipScorer : IRelationshipScorer
{
    private static readonly TimeSpan HalfLife = TimeSpan.FromDays(30);

    // A decayed weight of about ten (five recent replies) brings the volume factor to one half.
    private const double VolumeScale = 15.0;
    private const double OneWayFactor = 0.6;
    private const double StrongBand = 70;
    private const double WarmBand = 40;
    private const int DormantHalfLives = 3;
    private static readonly TimeSpan FullDuration = TimeSpan.FromDays(90);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, PersonHistory> _people = new(StringComparer.Ordinal);

    public void Record(Interaction interaction, Author person)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(person);
        lock (_gate)
        {
            if (!_people.TryGetValue(interaction.PersonId, out var history))
            {
                _people[interaction.PersonId] = history = new PersonHistory(person);
            }

            history.Add(interaction, person);
        }
    }

    public RelationshipSnapshot? GetRelationship(string personId, DateTimeOffset asOf)
    {
        ArgumentException.ThrowIfNullOrEmpty(personId);
        lock (_gate)
        {
            return _people.TryGetValue(personId, out var history) ? Score(personId, history, asOf) : null;
        }
    }

    public IReadOnlyList<RelationshipSnapshot> GetTop(int count, DateTimeOffset asOf)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            return _people
                .Select(pair => Score(pair.Key, pair.Value, asOf))
                .OrderByDescending(snapshot => snapshot.Bond)
                .ThenByDescending(snapshot => snapshot.LastContactAt)
                .ThenBy(snapshot => snapshot.PersonId, StringComparer.Ordinal)
                .Take(count)
                .ToList();
        }
    }

    private static RelationshipSnapshot Score(string personId, PersonHistory history, DateTimeOffset asOf)
    {
        var weight = 0.0;
        foreach (var interaction in history.Interactions)
        {
            var age = asOf - interaction.OccurredAt;
            var decay = age <= TimeSpan.Zero ? 1.0 : Math.Pow(0.5, age / HalfLife);
            weight += KindWeight(interaction.Kind) * decay;
        }

        var volume = 1 - Math.Exp(-weight / VolumeScale);
        var twoWay = history.Inbound > 0 && history.Outbound > 0;

        // Two-way beats one-way: full credit once we answered at least every other post.
        var answeredShare = history.Inbound == 0 ? 1.0 : Math.Min(1.0, 2.0 * history.Outbound / history.Inbound);
        var reciprocity = OneWayFactor + ((1 - OneWayFactor) * answeredShare);
        var span = history.LastContactAt - history.FirstContactAt;
        var duration = 0.8 + (0.2 * Math.Min(1.0, span / FullDuration));
        var bond = Math.Round(100 * volume * reciprocity * duration, 1);
        var dormant = asOf - history.LastContactAt > HalfLife * DormantHalfLives;
        var band = dormant ? "dormant" : bond >= StrongBand ? "strong" : bond >= WarmBand ? "warm" : "weak";
        var sentiment = history.SentimentCount == 0 ? (double?)null : Math.Round(history.SentimentSum / history.SentimentCount, 2);
        var openItems = history.OpenItems.Count;
        return new RelationshipSnapshot
        {
            PersonId = personId,
            Person = history.Person,
            AsOf = asOf,
            Bond = bond,
            Band = band,
            Inbound = history.Inbound,
            Outbound = history.Outbound,
            AverageSentiment = sentiment,
            OpenItems = openItems,
            FirstContactAt = history.FirstContactAt,
            LastContactAt = history.LastContactAt,
            Reason = Explain(history, twoWay, asOf, sentiment, openItems),
        };
    }

    private static double KindWeight(InteractionKind kind) => kind switch
    {
        InteractionKind.Reply or InteractionKind.DirectMessage => 3,
        InteractionKind.Mention => 2,
        InteractionKind.Share => 1,
        _ => 0.5,
    };

    private static string Explain(PersonHistory history, bool twoWay, DateTimeOffset asOf, double? sentiment, int openItems)
    {
        var reason = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        reason.Append(culture, $"{history.Inbound} {Plural(history.Inbound, "post")}, {history.Outbound} {Plural(history.Outbound, "answer")} from us");
        reason.Append(twoWay ? "; two-way" : "; one-way");
        var days = Math.Max(0, (int)(asOf - history.LastContactAt).TotalDays);
        reason.Append(culture, $"; last contact {days} d ago");
        if (sentiment is { } mean)
        {
            var tone = mean >= 0.05 ? "positive" : mean <= -0.05 ? "negative" : "neutral";
            reason.Append(culture, $"; tone {tone} ({mean:+0.00;-0.00;0.00})");
        }

        if (openItems > 0)
        {
            reason.Append(culture, $"; {openItems} unanswered");
        }

        return reason.ToString();
    }

    private static string Plural(int count, string noun) => count == 1 ? noun : noun + "s";

    private sealed class PersonHistory(Author person)
    {
        private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

        public Author Person { get; private set; } = person;

        public List<Interaction> Interactions { get; } = [];

        public HashSet<string> OpenItems { get; } = new(StringComparer.Ordinal);

        public int Inbound { get; private set; }

        public int Outbound { get; private set; }

        public double SentimentSum { get; private set; }

        public int SentimentCount { get; private set; }

        public DateTimeOffset FirstContactAt { get; private set; } = DateTimeOffset.MaxValue;

        public DateTimeOffset LastContactAt { get; private set; } = DateTimeOffset.MinValue;

        public void Add(Interaction interaction, Author person)
        {
            if (!_ids.Add(interaction.Id))
            {
                return;
            }

            Interactions.Add(interaction);
            if (interaction.OccurredAt < FirstContactAt)
            {
                FirstContactAt = interaction.OccurredAt;
            }

            if (interaction.OccurredAt >= LastContactAt)
            {
                LastContactAt = interaction.OccurredAt;
                if (interaction.Direction == InteractionDirection.Inbound)
                {
                    Person = person;
                }
            }

            if (interaction.Direction == InteractionDirection.Outbound)
            {
                Outbound++;
                if (interaction.InReplyToPostId is not null)
                {
                    OpenItems.Remove(interaction.InReplyToPostId);
                }

                return;
            }

            Inbound++;
            if (interaction.Sentiment is { } sentiment)
            {
                SentimentSum += sentiment;
                SentimentCount++;
            }

            if (interaction.NeedsResponse)
            {
                OpenItems.Add(interaction.PostId);
            }
        }
    }
}

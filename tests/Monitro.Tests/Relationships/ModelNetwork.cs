namespace Monitro.Tests.Relationships;

/// <summary>
/// A seeded model network of one <see cref="NetworkFamily"/>: every ordered pair (rater, other person) with the rater's
/// rating of the other, the pair's closeness and the messages between them as the rater's interactions with the other.
/// A model we wrote, not observed data (see docs/relationships.md, *Measured on networks we wrote*).
/// </summary>
internal sealed class ModelNetwork
{
    private const int MaximumMessagesPerSide = 40;

    private readonly NetworkFamily _family;
    private readonly Random _random;
    private readonly DateTimeOffset _start;
    private readonly Dictionary<(int From, int To), List<(DateTimeOffset At, InteractionKind Kind)>> _messages = [];

    private ModelNetwork(NetworkFamily family, int seed)
    {
        _family = family;
        _random = new Random(seed);
        _start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        AsOf = _start.AddDays(family.HistoryDays);
    }

    /// <summary>Gets the moment the network is scored at: the end of its history.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>Gets every ordered pair (rater, other person) with the rating and the observed messages between them.</summary>
    public IReadOnlyList<SimulatedPair> Pairs { get; private set; } = [];

    public static ModelNetwork Generate(NetworkFamily family, int people, int seed)
    {
        var network = new ModelNetwork(family, seed);
        network.Build(people);
        return network;
    }

    private void Build(int people)
    {
        var chattiness = new double[people];
        var responsiveness = new double[people];
        var bias = new double[people];
        var broadcaster = new bool[people];
        for (var p = 0; p < people; p++)
        {
            chattiness[p] = Math.Exp(_family.Chattiness * _random.Gaussian());
            responsiveness[p] = 0.5 + (0.5 * _random.NextDouble());
            bias[p] = _family.RaterBias * _random.Gaussian();
            broadcaster[p] = _random.NextDouble() < _family.BroadcasterShare;
        }

        var closeness = new int[people, people];
        for (var a = 0; a < people; a++)
        {
            for (var b = a + 1; b < people; b++)
            {
                closeness[a, b] = closeness[b, a] = _random.Pick(_family.Share);
            }
        }

        var groups = Groups(people);

        // Members of a group know each other at least by name.
        foreach (var members in groups)
        {
            foreach (var a in members)
            {
                foreach (var b in members)
                {
                    if (a != b && closeness[a, b] == 0 && _random.NextDouble() < 0.7)
                    {
                        closeness[a, b] = closeness[b, a] = 1;
                    }
                }
            }
        }

        for (var a = 0; a < people; a++)
        {
            for (var b = a + 1; b < people; b++)
            {
                Converse(a, b, closeness[a, b], chattiness, responsiveness);
            }
        }

        Broadcast(people, broadcaster);
        GroupMessages(groups, chattiness);

        var windowStart = AsOf.AddDays(-_family.WindowDays);
        var pairs = new List<SimulatedPair>();
        for (var rater = 0; rater < people; rater++)
        {
            for (var other = 0; other < people; other++)
            {
                if (rater == other)
                {
                    continue;
                }

                var rating = closeness[rater, other] + bias[rater] + (_family.RatingNoise * _random.Gaussian());
                var person = $"model:p{other}";
                var interactions = new List<Interaction>();
                NetworkMessages.AddInteractions(interactions, _messages, other, rater, person, InteractionDirection.Inbound, windowStart, AsOf, _family.Timing);
                NetworkMessages.AddInteractions(interactions, _messages, rater, other, person, InteractionDirection.Outbound, windowStart, AsOf, _family.Timing);
                pairs.Add(new SimulatedPair(rater, other, closeness[rater, other], rating, closeness[rater, other] >= SimulatedNetwork.Friend, new Author { Platform = "model", Handle = $"p{other}" }, interactions));
            }
        }

        Pairs = pairs;
    }

    private void Converse(int a, int b, int level, double[] chattiness, double[] responsiveness)
    {
        var style = _family.Styles[level];
        for (var period = 0; period < style.Periods; period++)
        {
            var (from, to) = ContactPeriod(style);
            var rate = style.ConversationsPerWeek * Math.Sqrt(chattiness[a] * chattiness[b]) / 7;
            var conversations = level == 0 ? (_random.NextDouble() < 0.3 ? 1 : 0) : _random.Poisson(rate * (to - from));
            for (var c = 0; c < conversations; c++)
            {
                var at = _start.AddDays(from + (_random.NextDouble() * (to - from)));
                var (first, second) = _random.NextDouble() < chattiness[a] / (chattiness[a] + chattiness[b]) ? (a, b) : (b, a);
                Send(first, second, at, InteractionKind.DirectMessage, style.Continue);
                if (_random.NextDouble() < style.Answer * responsiveness[second])
                {
                    Send(second, first, at.AddMinutes(30 + (600 * _random.NextDouble())), InteractionKind.Reply, style.Continue);
                }
            }
        }
    }

    // One side's turn in a conversation: a first message, then more while the chat goes on.
    private void Send(int from, int to, DateTimeOffset at, InteractionKind kind, double continuing)
    {
        NetworkMessages.Add(_messages, from, to, at, kind);
        for (var extra = 1; extra < MaximumMessagesPerSide && _random.NextDouble() < continuing; extra++)
        {
            NetworkMessages.Add(_messages, from, to, at.AddMinutes(extra), kind);
        }
    }

    // Broadcasters write to nearly everyone, whatever the closeness, and are rarely answered.
    private void Broadcast(int people, bool[] broadcaster)
    {
        for (var b = 0; b < people; b++)
        {
            if (!broadcaster[b])
            {
                continue;
            }

            for (var x = 0; x < people; x++)
            {
                if (x == b || _random.NextDouble() >= 0.8)
                {
                    continue;
                }

                var count = _random.Poisson(_family.BroadcastsPerWeek * _family.HistoryDays / 7);
                for (var m = 0; m < count; m++)
                {
                    var at = _start.AddDays(_random.NextDouble() * _family.HistoryDays);
                    NetworkMessages.Add(_messages, b, x, at, InteractionKind.Mention);
                    if (_random.NextDouble() < 0.05)
                    {
                        NetworkMessages.Add(_messages, x, b, at.AddHours(2), InteractionKind.Reply);
                    }
                }
            }
        }
    }

    private List<int[]> Groups(int people)
    {
        var groups = new List<int[]>();
        for (var g = 0; g < _family.Groups; g++)
        {
            groups.Add([.. Enumerable.Range(0, people).OrderBy(_ => _random.Next()).Take(_family.GroupSize).Order()]);
        }

        return groups;
    }

    // A message to a group reaches every other member: one interaction per member, none of them answered in particular.
    private void GroupMessages(List<int[]> groups, double[] chattiness)
    {
        foreach (var members in groups)
        {
            foreach (var sender in members)
            {
                var count = _random.Poisson(_family.GroupMessagesPerWeek * chattiness[sender] * _family.HistoryDays / 7);
                for (var m = 0; m < count; m++)
                {
                    var at = _start.AddDays(_random.NextDouble() * _family.HistoryDays);
                    foreach (var member in members)
                    {
                        if (member != sender)
                        {
                            NetworkMessages.Add(_messages, sender, member, at, InteractionKind.Mention);
                        }
                    }
                }
            }
        }
    }

    // Days into the history during which a pair is in contact.
    private (double From, double To) ContactPeriod(ContactStyle style)
    {
        var history = _family.HistoryDays;
        if (style.Ongoing)
        {
            var from = _random.NextDouble() * history * 0.3;
            return (from, _random.NextDouble() < 0.85 ? history : history - (_random.NextDouble() * 90));
        }

        var length = Math.Min(history, style.MinDays + (_random.NextDouble() * (style.MaxDays - style.MinDays)));
        var start = _random.NextDouble() * (history - length);
        return (start, start + length);
    }
}

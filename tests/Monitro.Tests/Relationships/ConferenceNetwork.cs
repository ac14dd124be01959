namespace Monitro.Tests.Relationships;

/// <summary>
/// A model of a computer conference among the researchers of one field, in the shape of Freeman's EIES study (32
/// people; a count of messages per ordered pair; how well each knows each other person, rated 0 to 4, friends at 3
/// and 4). A model we wrote, not observed data (docs/relationships.md, *Measured on networks we wrote*).
/// </summary>
/// <remarks>
/// <para>What it encodes: participation on a conferencing system is very unequal, a few prolific people writing most
/// messages, to many of the others (Hiltz &amp; Turoff, <i>The Network Nation</i>, 1978); the acquaintance the
/// participants report is much denser than who writes to whom, so many acquainted pairs, friends among them, exchange
/// nothing in the log (Freeman &amp; Freeman 1979); the prolific people are the field's known figures, whom everyone
/// has heard of without knowing them well; ratings are small integers, and raters use the scale differently.
/// Acquaintance is clustered: researchers know people of their own discipline more often (homophily; McPherson,
/// Smith-Lovin &amp; Cook 2001; the conference's members came from a few disciplines), and the friends of one's friends
/// (transitivity; Holland &amp; Leinhardt 1971; Granovetter 1973: the stronger the tie, the more the two circles overlap),
/// so two people who write to the same others are more likely to know each other (Kossinets &amp; Watts 2006; Onnela et
/// al. 2007) — a signal no count of the pair's own messages carries.</para>
/// <para>Acquaintance comes before the conference. Each participant belongs to one of four disciplines and has a place
/// in a plane around their discipline's centre; a pair's affinity is minus their distance plus noise, and the pairs are
/// given their level by the rank of their affinity, with the shares of levels unchanged (so acquaintance clusters by
/// discipline and by closeness in the plane, and friends of friends tend to be friends). An ordinary participant writes to someone with a chance and a
/// volume rising with how well they know them; a prolific one writes to nearly everyone they know even by name, more
/// to closer people. Each message is answered with a chance rising with acquaintance. The log keeps the moment of each
/// message or, as the published matrices do, only the counts (<see cref="MessageTiming"/>).</para>
/// </remarks>
internal static class ConferenceNetwork
{
    /// <summary>The lowest rating of a friend (3, friend; 4, close personal friend).</summary>
    public const int FriendRating = 3;

    private const double WindowDays = 540;
    private const double ProlificShare = 0.15;
    private const double MessagesPerLevel = 2;

    // A prolific participant writes to everyone they know with this chance (to strangers with a third of it), more messages.
    private const double ProlificReach = 0.75;
    private const double ProlificMessagesPerLevel = 6;

    // How far a participant sits from their discipline's centre, and the noise in a pair's affinity (see Disciplines).
    private const double PlaceSpread = 0.5;
    private const double AffinityNoise = 0.3;

    // Acquaintance before the conference: unknown, heard of, met, friend, close friend.
    private static readonly double[] Share = [0.15, 0.30, 0.27, 0.19, 0.09];

    // Where acquaintance comes from: the disciplines' shares (their centres on a circle of radius 1), with PlaceSpread and
    // AffinityNoise. Our choice, moderate: with these, 37–42% of the pairs with a friend in common are friends, against 28%
    // of all pairs (dev seeds).
    private static readonly double[] Disciplines = [0.35, 0.25, 0.2, 0.2];

    // The chance an ordinary participant writes to a person at each level at all (messages: MessagesPerLevel per level).
    private static readonly double[] Writes = [0.02, 0.06, 0.15, 0.35, 0.55];

    // The chance the other side answers one message, per level.
    private static readonly double[] Answers = [0.15, 0.25, 0.4, 0.6, 0.75];

    /// <summary>Generates a conference of <paramref name="people"/> participants from a seed; the same seed gives the same log.</summary>
    public static (IReadOnlyList<SimulatedPair> Pairs, DateTimeOffset AsOf) Generate(int people, int seed, MessageTiming timing)
    {
        var random = new Random(seed);
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var asOf = start.AddDays(WindowDays);
        var activity = new double[people];
        var responsiveness = new double[people];
        var bias = new double[people];
        var prolific = new bool[people];
        for (var p = 0; p < people; p++)
        {
            activity[p] = Math.Exp(0.8 * random.Gaussian());
            responsiveness[p] = 0.5 + (0.5 * random.NextDouble());
            bias[p] = 0.5 * random.Gaussian();
            prolific[p] = random.NextDouble() < ProlificShare;
        }

        // How well each knows each other person: mutual, except that everyone has heard of the prolific figures.
        var level = Acquaintance(people, random);

        for (var p = 0; p < people; p++)
        {
            for (var x = 0; x < people; x++)
            {
                if (prolific[p] && x != p)
                {
                    level[x, p] = Math.Max(level[x, p], 1);
                }
            }
        }

        var messages = new Dictionary<(int From, int To), List<(DateTimeOffset At, InteractionKind Kind)>>();
        for (var from = 0; from < people; from++)
        {
            for (var to = 0; to < people; to++)
            {
                if (from == to)
                {
                    continue;
                }

                var known = level[from, to];
                var (reach, perLevel) = prolific[from]
                    ? (known == 0 ? ProlificReach / 3 : ProlificReach, ProlificMessagesPerLevel)
                    : (Math.Min(1, Writes[known] * Math.Sqrt(activity[from])), MessagesPerLevel);
                if (random.NextDouble() >= reach)
                {
                    continue;
                }

                var count = 1 + random.Poisson(perLevel * (1 + known) * activity[from]);
                for (var m = 0; m < count; m++)
                {
                    var at = start.AddDays(random.NextDouble() * WindowDays);
                    NetworkMessages.Add(messages, from, to, at, InteractionKind.DirectMessage);
                    if (random.NextDouble() < Answers[level[to, from]] * responsiveness[to])
                    {
                        NetworkMessages.Add(messages, to, from, at.AddHours(1 + (47 * random.NextDouble())), InteractionKind.Reply);
                    }
                }
            }
        }

        var pairs = new List<SimulatedPair>();
        for (var rater = 0; rater < people; rater++)
        {
            for (var other = 0; other < people; other++)
            {
                if (rater == other)
                {
                    continue;
                }

                var rating = Math.Clamp(Math.Round(level[rater, other] + bias[rater] + (0.6 * random.Gaussian())), 0, 4);
                var person = $"conf:p{other}";
                var interactions = new List<Interaction>();
                NetworkMessages.AddInteractions(interactions, messages, other, rater, person, InteractionDirection.Inbound, start, asOf, timing);
                NetworkMessages.AddInteractions(interactions, messages, rater, other, person, InteractionDirection.Outbound, start, asOf, timing);
                pairs.Add(new SimulatedPair(rater, other, level[rater, other], rating, rating >= FriendRating, new Author { Platform = "conf", Handle = $"p{other}" }, interactions));
            }
        }

        return (pairs, asOf);
    }

    // Levels by the rank of each pair's affinity (closer places, same discipline, plus noise), in the shares of Share.
    private static int[,] Acquaintance(int people, Random random)
    {
        var place = new (double X, double Y)[people];
        for (var p = 0; p < people; p++)
        {
            var angle = 2 * Math.PI * random.Pick(Disciplines) / Disciplines.Length;
            place[p] = (Math.Cos(angle) + (PlaceSpread * random.Gaussian()), Math.Sin(angle) + (PlaceSpread * random.Gaussian()));
        }

        var affinities = new List<(double Affinity, int A, int B)>();
        for (var a = 0; a < people; a++)
        {
            for (var b = a + 1; b < people; b++)
            {
                var distance = Math.Sqrt(Math.Pow(place[a].X - place[b].X, 2) + Math.Pow(place[a].Y - place[b].Y, 2));
                affinities.Add((-distance + (AffinityNoise * random.Gaussian()), a, b));
            }
        }

        affinities.Sort((x, y) => x.Affinity.CompareTo(y.Affinity));
        var level = new int[people, people];
        var (current, boundary) = (0, Share[0]);
        for (var k = 0; k < affinities.Count; k++)
        {
            while (current < Share.Length - 1 && (k + 0.5) / affinities.Count > boundary)
            {
                boundary += Share[++current];
            }

            var (_, a, b) = affinities[k];
            level[a, b] = level[b, a] = current;
        }

        return level;
    }
}

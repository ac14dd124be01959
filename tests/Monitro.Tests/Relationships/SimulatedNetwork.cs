namespace Monitro.Tests.Relationships;

/// <summary>
/// A synthetic network of people who message each other, with a known closeness for every pair, to evaluate Bond.
/// Synthetic, not observed: a plausible model of how closeness shows in messages, documented in docs/relationships.md.
/// </summary>
/// <remarks>
/// <para>Each unordered pair gets a closeness: stranger, acquaintance, colleague, friend or close friend. Closeness
/// decides when the pair is in contact and how: friends write steadily for most of the year up to now and answer
/// each other; colleagues exchange a lot during a project of a few months that may have ended; acquaintances write
/// in a short burst (an event, a deal) and answer less; strangers rarely write at all. Each person has a chattiness
/// (how much they write to anyone, log-normal) and a responsiveness, so the number of messages alone is a noisy
/// sign of closeness. Each person rates each other person as the closeness plus their own noise.</para>
/// <para>Everything comes from a seeded random generator, so the network is the same on every run.</para>
/// </remarks>
internal sealed class SimulatedNetwork
{
    public const int Friend = 3;

    private const double WindowDays = 365;

    // Per closeness (stranger, acquaintance, colleague, friend, close friend).
    private static readonly double[] Share = [0.45, 0.25, 0.15, 0.10, 0.05];
    private static readonly double[] ConversationsPerWeek = [0.0, 4.0, 2.0, 1.2, 2.0];
    private static readonly double[] AnswerProbability = [0.15, 0.45, 0.6, 0.8, 0.9];

    private SimulatedNetwork(DateTimeOffset asOf, List<SimulatedPair> pairs)
    {
        AsOf = asOf;
        Pairs = pairs;
    }

    /// <summary>Gets the moment the network is scored at: the end of the year of messages.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>Gets every ordered pair (rater, other person) with the rating and the messages between them.</summary>
    public IReadOnlyList<SimulatedPair> Pairs { get; }

    public static SimulatedNetwork Generate(int people, int seed)
    {
        var random = new Random(seed);
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var asOf = start.AddDays(WindowDays);
        var chattiness = new double[people];
        var responsiveness = new double[people];
        for (var p = 0; p < people; p++)
        {
            chattiness[p] = Math.Exp(0.7 * random.Gaussian());
            responsiveness[p] = 0.5 + (0.5 * random.NextDouble());
        }

        var messages = new Dictionary<(int From, int To), List<(DateTimeOffset At, InteractionKind Kind)>>();
        var closeness = new int[people, people];
        for (var a = 0; a < people; a++)
        {
            for (var b = a + 1; b < people; b++)
            {
                var level = random.Pick(Share);
                closeness[a, b] = closeness[b, a] = level;
                var (from, to) = ContactPeriod(random, level);
                var rate = ConversationsPerWeek[level] * Math.Sqrt(chattiness[a] * chattiness[b]) / 7;
                var conversations = level == 0 ? (random.NextDouble() < 0.3 ? 1 : 0) : random.Poisson(rate * (to - from));
                for (var c = 0; c < conversations; c++)
                {
                    var day = from + (random.NextDouble() * (to - from));
                    var (first, second) = random.NextDouble() < chattiness[a] / (chattiness[a] + chattiness[b]) ? (a, b) : (b, a);
                    var at = start.AddDays(day);
                    NetworkMessages.Add(messages, first, second, at, InteractionKind.DirectMessage);
                    for (var extra = 0; random.NextDouble() < 0.4 && extra < 5; extra++)
                    {
                        NetworkMessages.Add(messages, first, second, at.AddMinutes(1 + extra), InteractionKind.DirectMessage);
                    }

                    if (random.NextDouble() < AnswerProbability[level] * responsiveness[second])
                    {
                        NetworkMessages.Add(messages, second, first, at.AddMinutes(30 + (600 * random.NextDouble())), InteractionKind.Reply);
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

                var rating = closeness[rater, other] + (0.8 * random.Gaussian());
                var person = $"sim:p{other}";
                var interactions = new List<Interaction>();
                NetworkMessages.AddInteractions(interactions, messages, other, rater, person, InteractionDirection.Inbound, DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
                NetworkMessages.AddInteractions(interactions, messages, rater, other, person, InteractionDirection.Outbound, DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
                pairs.Add(new SimulatedPair(rater, other, closeness[rater, other], rating, closeness[rater, other] >= Friend, new Author { Platform = "sim", Handle = $"p{other}" }, interactions));
            }
        }

        return new SimulatedNetwork(asOf, pairs);
    }

    // Days into the year during which a pair is in contact.
    private static (double From, double To) ContactPeriod(Random random, int level) => level switch
    {
        >= Friend => (random.NextDouble() * 60, random.NextDouble() < 0.85 ? WindowDays : WindowDays - (random.NextDouble() * 90)),
        2 => Period(random, 60 + (random.NextDouble() * 140)),
        1 => Period(random, 3 + (random.NextDouble() * 27)),
        _ => Period(random, 1),
    };

    private static (double From, double To) Period(Random random, double length)
    {
        var from = random.NextDouble() * (WindowDays - length);
        return (from, from + length);
    }
}

/// <summary>
/// One rater and one other person of a simulated network (their places in it), the closeness, the rating, whether the
/// pair counts as friends, and the interactions from the rater's side (the other person's messages inbound).
/// </summary>
internal sealed record SimulatedPair(int Rater, int OtherIndex, int Closeness, double Rating, bool Friend, Author Other, IReadOnlyList<Interaction> Interactions);

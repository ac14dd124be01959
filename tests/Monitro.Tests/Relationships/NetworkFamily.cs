namespace Monitro.Tests.Relationships;

/// <summary>
/// How one closeness level shows in messages in a network family: how often a pair starts a conversation while in
/// contact, for how long they are in contact, how many messages each side sends in a conversation and how often the
/// other side answers.
/// </summary>
/// <param name="ConversationsPerWeek">Conversations a pair of average chattiness starts per week while in contact.</param>
/// <param name="Answer">The chance the other side answers a conversation (times their responsiveness).</param>
/// <param name="MinDays">The shortest contact period, in days.</param>
/// <param name="MaxDays">The longest contact period, in days.</param>
/// <param name="Ongoing">Whether the contact period usually lasts up to the end of the observed window (friends).</param>
/// <param name="Continue">The chance each side sends one more message in a conversation (a burst of chat).</param>
/// <param name="Periods">How many separate contact periods the pair has (bursts: a trip, a deal, an event).</param>
internal sealed record ContactStyle(double ConversationsPerWeek, double Answer, double MinDays, double MaxDays, bool Ongoing, double Continue, int Periods = 1);

/// <summary>
/// A family of model networks: how closeness shows in messages, written to encode findings of studies of real
/// communication networks (docs/relationships.md lists them) that differ from <see cref="SimulatedNetwork"/>. Every
/// family is a model we wrote, not observed data.
/// </summary>
internal sealed record NetworkFamily
{
    /// <summary>Gets the family's name, as reported.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the finding the family encodes, as reported.</summary>
    public required string Encodes { get; init; }

    /// <summary>Gets the share of pairs at each closeness (stranger, acquaintance, colleague, friend, close friend).</summary>
    public IReadOnlyList<double> Share { get; init; } = [0.45, 0.25, 0.15, 0.10, 0.05];

    /// <summary>Gets the contact style per closeness level.</summary>
    public required IReadOnlyList<ContactStyle> Styles { get; init; }

    /// <summary>Gets the length of the history in which relationships live, in days, ending at the scoring moment.</summary>
    public double HistoryDays { get; init; } = 365;

    /// <summary>Gets the length of the observed window, in days, ending at the scoring moment: messages before it are not seen.</summary>
    public double WindowDays { get; init; } = 365;

    /// <summary>Gets the spread (log-normal sigma) of how much each person writes.</summary>
    public double Chattiness { get; init; } = 0.7;

    /// <summary>Gets the share of people who broadcast: they write to nearly everyone, whatever the closeness, and are rarely answered.</summary>
    public double BroadcasterShare { get; init; }

    /// <summary>Gets how many messages per week a broadcaster sends to each person they reach.</summary>
    public double BroadcastsPerWeek { get; init; }

    /// <summary>Gets the number of group conversations; each has some members, and each message in it reaches every member.</summary>
    public int Groups { get; init; }

    /// <summary>Gets how many people each group has.</summary>
    public int GroupSize { get; init; }

    /// <summary>Gets how many messages a member of average chattiness sends to a group per week.</summary>
    public double GroupMessagesPerWeek { get; init; }

    /// <summary>Gets the standard deviation of each rater's own offset (some rate everyone generously, some harshly).</summary>
    public double RaterBias { get; init; }

    /// <summary>Gets the standard deviation of the noise in each rating.</summary>
    public double RatingNoise { get; init; } = 0.8;

    /// <summary>Gets what the log keeps of when each message was sent.</summary>
    public MessageTiming Timing { get; init; } = MessageTiming.AsSent;
}

namespace Monitro.Tests.Relationships;

/// <summary>
/// The model network families Bond is evaluated on besides <see cref="SimulatedNetwork"/>. Each encodes findings of
/// studies of real communication networks that the first model does not (listed in docs/relationships.md); they are
/// models we wrote, written before Bond was tuned on them, and none is observed data.
/// </summary>
internal static class NetworkFamilies
{
    // Per closeness: stranger, acquaintance, colleague, friend, close friend.
    private static readonly ContactStyle Stranger = new(0, 0.15, 1, 1, Ongoing: false, Continue: 0.2);

    // Acquaintances in a short spell, colleagues for a project of months, friends all year: the contact of the families
    // whose finding is about something else (broadcasts, groups, what the log keeps).
    private static readonly ContactStyle[] Everyday =
    [
        Stranger,
        new(1.5, 0.45, 3, 30, Ongoing: false, Continue: 0.4),
        new(2, 0.6, 60, 200, Ongoing: false, Continue: 0.4),
        new(1.2, 0.8, 0, 0, Ongoing: true, Continue: 0.4),
        new(2, 0.9, 0, 0, Ongoing: true, Continue: 0.4),
    ];

    /// <summary>Gets the family where acquaintances chat in intense bursts with huge counts and friends write a little on many days.</summary>
    public static NetworkFamily Bursty { get; } = new()
    {
        Name = "bursty",
        Encodes = "bursty contact (heavy-tailed inter-event times): acquaintances chat intensely for a day or two at an event or a deal; friends write a little on many distinct days",
        Styles =
        [
            Stranger,
            new(30, 0.9, 1, 3, Ongoing: false, Continue: 0.8, Periods: 2),
            new(3, 0.7, 30, 120, Ongoing: false, Continue: 0.5),
            new(1.0, 0.85, 0, 0, Ongoing: true, Continue: 0.3),
            new(1.8, 0.9, 0, 0, Ongoing: true, Continue: 0.35),
        ],
    };

    /// <summary>Gets the family with broadcasters and very unequal chattiness: many messages that nobody answers.</summary>
    public static NetworkFamily Broadcasters { get; } = new()
    {
        Name = "broadcasters",
        Encodes = "one-way broadcasts rarely answered, and very chatty people whose counts to acquaintances exceed quiet people's counts to friends",
        Chattiness = 1.1,
        BroadcasterShare = 0.15,
        BroadcastsPerWeek = 1.0,
        Styles = Everyday,
    };

    /// <summary>Gets the family of long, quiet friendships next to busy colleagues, over two years.</summary>
    public static NetworkFamily QuietFriends { get; } = new()
    {
        Name = "quiet-friends",
        Encodes = "close ties kept with little contact over years (Dunbar's inner layers, kin and old friends), next to co-workers who write a lot during a project without being close",
        HistoryDays = 730,
        WindowDays = 730,
        Styles =
        [
            Stranger,
            new(2, 0.5, 3, 30, Ongoing: false, Continue: 0.4, Periods: 2),
            new(5, 0.7, 60, 180, Ongoing: false, Continue: 0.5),
            new(0.25, 0.85, 0, 0, Ongoing: true, Continue: 0.3),
            new(0.4, 0.95, 0, 0, Ongoing: true, Continue: 0.4),
        ],
    };

    /// <summary>Gets the family where group conversations reach every member, close or not, and raters use the scale differently.</summary>
    public static NetworkFamily GroupThreads { get; } = new()
    {
        Name = "group-threads",
        Encodes = "group conversations (a message to a group reaches every member, like mail to many recipients) inflating counts between members who are not close; raters who rate generously or harshly",
        Groups = 5,
        GroupSize = 8,
        GroupMessagesPerWeek = 1.5,
        RaterBias = 0.6,
        Styles = Everyday,
    };

    /// <summary>Gets the family observed over three months of three years of relationships, rated by people who use the scale differently.</summary>
    public static NetworkFamily ShortWindow { get; } = new()
    {
        Name = "short-window",
        Encodes = "a log that covers three months of relationships years old (duration inside the window says little), rated by people who rate generously or harshly",
        HistoryDays = 1095,
        WindowDays = 90,
        RaterBias = 0.8,
        Styles =
        [
            Stranger,
            new(3, 0.5, 3, 30, Ongoing: false, Continue: 0.4, Periods: 3),
            new(2, 0.6, 60, 400, Ongoing: false, Continue: 0.4),
            new(1.2, 0.8, 0, 0, Ongoing: true, Continue: 0.4),
            new(2, 0.9, 0, 0, Ongoing: true, Continue: 0.4),
        ],
    };

    /// <summary>Gets the family of chat-heavy pairs: friends exchange thousands of messages a year, far beyond where a saturating score stops telling them apart.</summary>
    public static NetworkFamily HeavyChat { get; } = new()
    {
        Name = "heavy-chat",
        Encodes = "chat and text messaging, where close pairs exchange thousands of messages a year in long back-and-forth conversations (a score that saturates ties them all at the top)",
        Styles =
        [
            Stranger,
            new(3, 0.7, 5, 60, Ongoing: false, Continue: 0.8),
            new(5, 0.8, 60, 200, Ongoing: false, Continue: 0.85),
            new(4, 0.9, 0, 0, Ongoing: true, Continue: 0.85),
            new(8, 0.95, 0, 0, Ongoing: true, Continue: 0.9),
        ],
    };

    /// <summary>Gets the family whose log keeps only how many messages each person sent each other: spread evenly over the year.</summary>
    public static NetworkFamily EvenCounts { get; } = new()
    {
        Name = "even-counts",
        Encodes = "a log that keeps a count of messages per ordered pair and nothing of their timing (the classic studies' message matrices): each direction's messages spread evenly over the year, so only the two directed counts differ",
        Chattiness = 0.9,
        Timing = MessageTiming.Even,
        Styles = Everyday,
    };

    /// <summary>Gets the family whose log keeps only counts, every message dated at one moment.</summary>
    public static NetworkFamily OneMoment { get; } = new()
    {
        Name = "one-moment",
        Encodes = "a log that keeps only counts per ordered pair, every message dated at one moment: no day, burst, recency or duration tells pairs apart",
        Chattiness = 0.9,
        Timing = MessageTiming.OneMoment,
        Styles = Everyday,
    };

    /// <summary>Gets every family.</summary>
    public static IReadOnlyList<NetworkFamily> All { get; } = [Bursty, Broadcasters, QuietFriends, GroupThreads, ShortWindow, HeavyChat, EvenCounts, OneMoment];
}

namespace Monitro.Tests.Relationships;

/// <summary>Turns the messages a model network drew between two people into the interactions a scorer reads.</summary>
internal static class NetworkMessages
{
    /// <summary>
    /// Adds the messages from <paramref name="from"/> to <paramref name="to"/> sent within the window as interactions of
    /// <paramref name="person"/>; a message keeps the post id of its place in the whole log, inside the window or not, and
    /// is dated as <paramref name="timing"/> says (with <see cref="MessageTiming.Even"/> or
    /// <see cref="MessageTiming.OneMoment"/> only how many messages were sent in the window is kept, each a direct message).
    /// </summary>
    public static void AddInteractions(
        List<Interaction> interactions,
        Dictionary<(int, int), List<(DateTimeOffset At, InteractionKind Kind)>> messages,
        int from,
        int to,
        string person,
        InteractionDirection direction,
        DateTimeOffset windowStart,
        DateTimeOffset windowEnd,
        MessageTiming timing = MessageTiming.AsSent)
    {
        if (!messages.TryGetValue((from, to), out var list))
        {
            return;
        }

        var inWindow = Enumerable.Range(0, list.Count)
            .Where(i => list[i].At >= windowStart && list[i].At <= windowEnd)
            .OrderBy(i => list[i].At)
            .ToArray();
        var window = windowEnd - windowStart;
        for (var k = 0; k < inWindow.Length; k++)
        {
            var i = inWindow[k];
            var postId = $"m{from}-{to}-{i}";
            interactions.Add(new Interaction
            {
                Id = Interaction.CreateId(postId, person),
                PersonId = person,
                PostId = postId,
                Kind = timing == MessageTiming.AsSent ? list[i].Kind : InteractionKind.DirectMessage, // a count carries no kind either
                Direction = direction,
                OccurredAt = timing switch
                {
                    MessageTiming.Even => windowStart + (window * ((k + 0.5) / inWindow.Length)),
                    MessageTiming.OneMoment => windowStart + (window / 2),
                    _ => list[i].At,
                },
            });
        }
    }

    /// <summary>Adds a message from <paramref name="from"/> to <paramref name="to"/> to a network's log.</summary>
    public static void Add(Dictionary<(int From, int To), List<(DateTimeOffset At, InteractionKind Kind)>> messages, int from, int to, DateTimeOffset at, InteractionKind kind)
    {
        if (!messages.TryGetValue((from, to), out var list))
        {
            messages[(from, to)] = list = [];
        }

        list.Add((at, kind));
    }
}

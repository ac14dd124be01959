namespace Monitro.Tests.Relationships;

/// <summary>Turns the messages a model network drew between two people into the interactions a scorer reads.</summary>
internal static class NetworkMessages
{
    /// <summary>
    /// Adds the messages from <paramref name="from"/> to <paramref name="to"/> sent within the window as interactions of
    /// <paramref name="person"/>; a message keeps the post id of its place in the whole log, inside the window or not.
    /// </summary>
    public static void AddInteractions(
        List<Interaction> interactions,
        Dictionary<(int, int), List<(DateTimeOffset At, InteractionKind Kind)>> messages,
        int from,
        int to,
        string person,
        InteractionDirection direction,
        DateTimeOffset windowStart,
        DateTimeOffset windowEnd)
    {
        if (!messages.TryGetValue((from, to), out var list))
        {
            return;
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].At < windowStart || list[i].At > windowEnd)
            {
                continue;
            }

            var postId = $"m{from}-{to}-{i}";
            interactions.Add(new Interaction
            {
                Id = Interaction.CreateId(postId, person),
                PersonId = person,
                PostId = postId,
                Kind = list[i].Kind,
                Direction = direction,
                OccurredAt = list[i].At,
            });
        }
    }
}

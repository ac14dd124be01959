using System.Runtime.CompilerServices;

namespace Monitro.Relationships;

/// <summary>Pairs each post that needs an answer with our first answer in its thread after it, and each complaint with the post that shows recovery.</summary>
internal static class ResponseLedger
{
    public static bool IsComplaint(Interaction interaction) =>
        Has(interaction, IntentLabel.Complaint) || Has(interaction, IntentLabel.ChurnRisk);

    // Per person evaluated, every batch: compiled optimized at once (a one-core host runs it unoptimized for most of a stream).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool Has(Interaction interaction, IntentLabel label)
    {
        // By index: asked many times per person and batch, and a foreach over the list's interface allocates an enumerator.
        var intents = interaction.Intents;
        for (var i = 0; i < intents.Count; i++)
        {
            if (intents[i].Label == label)
            {
                return true;
            }
        }

        return false;
    }

    public static TimeSpan TargetFor(Interaction interaction, RelationshipOptions options) =>
        IsComplaint(interaction) ? options.ComplaintResponseTarget
        : Has(interaction, IntentLabel.Question) || Has(interaction, IntentLabel.PurchaseIntent) ? options.QuestionResponseTarget
        : options.OtherResponseTarget;

    /// <summary>
    /// Whether our reply answers the person's post: it replies to that post, or to another post of the person in the
    /// same thread. The timeline is the person's, so the post ours replies to is always theirs.
    /// </summary>
    public static bool Answers(Interaction reply, Interaction post) =>
        reply.InReplyToPostId is not null
        && (string.Equals(reply.InReplyToPostId, post.PostId, StringComparison.Ordinal)
            || string.Equals(reply.ThreadId ?? reply.PostId, post.ThreadId ?? post.PostId, StringComparison.Ordinal));

    // The timeline is the person's interactions in time order.
    // Per person evaluated, every batch: compiled optimized at once (a one-core host runs it unoptimized for most of a stream).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static List<ResponseItem> Build(IReadOnlyList<Interaction> timeline, RelationshipOptions options)
    {
        var items = new List<ResponseItem>();
        for (var i = 0; i < timeline.Count; i++)
        {
            var item = timeline[i];
            var complaint = IsComplaint(item);
            if (item.Direction != InteractionDirection.Inbound || !(item.NeedsResponse || complaint))
            {
                continue;
            }

            // Only an answer in the post's thread answers it (the rule of InboxItem.IsAnsweredBy): a reply to another post elsewhere does not.
            Interaction? answer = null;
            Interaction? recovery = null;
            for (var j = i + 1; j < timeline.Count; j++)
            {
                var next = timeline[j];
                if (answer is null)
                {
                    if (next.Direction == InteractionDirection.Outbound && Answers(next, item))
                    {
                        answer = next;
                        if (!complaint)
                        {
                            break;
                        }
                    }
                }
                else if (next.Direction == InteractionDirection.Inbound && next.Sentiment >= options.RecoveredToneThreshold && !IsComplaint(next))
                {
                    recovery = next;
                    break;
                }
            }

            items.Add(new ResponseItem(item, TargetFor(item, options), complaint, answer, complaint ? recovery : null));
        }

        return items;
    }
}

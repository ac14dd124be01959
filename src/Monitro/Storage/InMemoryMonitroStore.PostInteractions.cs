using Monitro.Storage.Shared;

namespace Monitro;

/// <summary>The <see cref="IPostInteractions"/> side of the in-memory store: who wrote a stored post.</summary>
public sealed partial class InMemoryMonitroStore : IPostInteractions
{
    /// <inheritdoc />
    public ValueTask<RecordedInteraction?> GetInboundInteractionAsync(string postId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(postId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var inbound = ReplyChanges.AnsweredInteraction(_interactions.Values.Where(interaction => interaction.PostId == postId));
            return ValueTask.FromResult(inbound is null ? null : new RecordedInteraction(inbound, PersonOf(inbound.PersonId)));
        }
    }
}

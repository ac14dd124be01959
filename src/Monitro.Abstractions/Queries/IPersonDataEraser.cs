namespace Monitro;

/// <summary>Forgets a person on request (the right to erasure of privacy laws such as the GDPR).</summary>
/// <remarks>Implementations are thread-safe; forgetting a person who is not stored does nothing.</remarks>
public interface IPersonDataEraser
{
    /// <summary>Deletes everything stored about a person: their identities, posts, mentions, interactions, relationship snapshots, and alerts about them still pending or dead-lettered.</summary>
    /// <param name="personId">The identity key of the person (<see cref="Author.IdentityKey"/>).</param>
    /// <param name="cancellationToken">A token that cancels the deletion before it starts; a started deletion completes or rolls back whole.</param>
    /// <returns>How many rows of each kind were deleted.</returns>
    /// <exception cref="ArgumentException"><paramref name="personId"/> is null or empty.</exception>
    ValueTask<PersonErasure> ForgetPersonAsync(string personId, CancellationToken cancellationToken = default);
}

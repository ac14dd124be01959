namespace Monitro;

/// <summary>Maps a platform identity to a CRM contact and the facts the CRM holds about it.</summary>
/// <remarks>
/// Monitro calls it once per identity and caches the answer for <c>RelationshipOptions.ContactCacheDuration</c>.
/// The default resolves nothing. Implementations must be thread-safe.
/// </remarks>
public interface IContactResolver
{
    /// <summary>Resolves an identity.</summary>
    /// <param name="identityKey">The identity key (<see cref="Author.IdentityKey"/>).</param>
    /// <param name="cancellationToken">Cancels the look-up.</param>
    /// <returns>The facts, or <see langword="null"/> when the CRM does not know the identity.</returns>
    ValueTask<ContactFacts?> ResolveAsync(string identityKey, CancellationToken cancellationToken = default);
}

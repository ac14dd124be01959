namespace Monitro;

/// <summary>Knows which platform identities belong to the same person.</summary>
/// <remarks>Thread-safe. Identities are merged when the user says so (<see cref="Link"/>) or a verified link says so.</remarks>
public interface IPersonDirectory
{
    /// <summary>States that two identities are the same person; their histories are merged.</summary>
    /// <param name="identityKey">One identity key (<see cref="Author.IdentityKey"/>).</param>
    /// <param name="otherIdentityKey">The other identity key.</param>
    /// <exception cref="ArgumentException">A key is null or empty.</exception>
    void Link(string identityKey, string otherIdentityKey);

    /// <summary>Gets the person an identity belongs to.</summary>
    /// <param name="identityKey">The identity key.</param>
    /// <returns>The person id (the identity key that represents the person).</returns>
    string GetPersonId(string identityKey);

    /// <summary>Gets every identity known to belong to a person.</summary>
    /// <param name="personId">The person id or any of its identity keys.</param>
    /// <returns>The identity keys, in ordinal order.</returns>
    IReadOnlyList<string> GetIdentities(string personId);
}

namespace Monitro;

/// <summary>A person's profile on one platform; upsert it by <see cref="IdentityKey"/>.</summary>
/// <param name="IdentityKey">The stable key of the identity, <c>platform:handle</c> (lower case).</param>
/// <param name="Platform">The platform.</param>
/// <param name="Handle">The handle on the platform.</param>
/// <param name="DisplayName">The display name, when known.</param>
/// <param name="ProfileUrl">The profile address, when known.</param>
/// <param name="Followers">The follower count, when known.</param>
/// <param name="ContactId">The CRM's own contact id, when a contact resolver knows the person.</param>
public sealed record SocialProfile(string IdentityKey, string Platform, string Handle, string? DisplayName, Uri? ProfileUrl, long? Followers, string? ContactId)
{
    internal static SocialProfile From(Author author, string? contactId) =>
        new(author.IdentityKey, author.Platform, author.Handle, author.DisplayName, author.ProfileUrl, author.Followers, contactId);
}

namespace Monitro.Storage.Shared;

/// <summary>The person of a stored interaction, read back from their identity row for the interaction history.</summary>
internal static class StoredPerson
{
    /// <summary>Reads the person from the columns of their identity row.</summary>
    /// <param name="personId">The identity key of the interaction's person.</param>
    /// <param name="platform">The platform column, or <see langword="null"/> when the person has no identity row.</param>
    /// <param name="handle">The handle column.</param>
    /// <param name="displayName">The display name column.</param>
    /// <param name="profileUrl">The profile address column.</param>
    /// <param name="followers">The followers column.</param>
    /// <returns>The person as last seen; without an identity row, the platform and handle of their identity key.</returns>
    public static Author Read(string personId, string? platform, string? handle, string? displayName, string? profileUrl, long? followers)
    {
        if (platform is null || handle is null)
        {
            return FromIdentityKey(personId);
        }

        return new Author
        {
            Platform = platform,
            Handle = handle,
            DisplayName = displayName,
            ProfileUrl = profileUrl is not null && Uri.TryCreate(profileUrl, UriKind.RelativeOrAbsolute, out var url) ? url : null,
            Followers = followers,
        };
    }

    // An identity key is "platform:handle" (Author.IdentityKey), so it still names the person when no post of theirs was kept.
    public static Author FromIdentityKey(string personId)
    {
        var separator = personId.IndexOf(':', StringComparison.Ordinal);
        return separator > 0
            ? new Author { Platform = personId[..separator], Handle = personId[(separator + 1)..] }
            : new Author { Platform = personId, Handle = personId };
    }
}

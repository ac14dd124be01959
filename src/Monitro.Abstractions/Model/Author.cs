namespace Monitro;

/// <summary>The author of a post, as one identity on one platform.</summary>
/// <remarks>Instances are immutable and safe to share between threads.</remarks>
public sealed record Author
{
    /// <summary>Gets the platform of the identity, in lower case (for example <c>mastodon</c>).</summary>
    public required string Platform { get; init; }

    /// <summary>Gets the handle on the platform (for example <c>jane@example.social</c> or <c>jane.bsky.social</c>).</summary>
    public required string Handle { get; init; }

    /// <summary>Gets the display name, or <see langword="null"/> when the platform gives none.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Gets the address of the profile, or <see langword="null"/>.</summary>
    public Uri? ProfileUrl { get; init; }

    /// <summary>Gets the number of followers, or <see langword="null"/> when unknown.</summary>
    public long? Followers { get; init; }

    /// <summary>Gets the links the platform verified for the profile (a Mastodon verified profile field), used to merge identities of one person.</summary>
    /// <value>The default is <see langword="null"/> (none known).</value>
    public IReadOnlyList<Uri>? VerifiedLinks { get; init; }

    /// <summary>Gets the identity key <c>platform:handle</c> with the handle in lower case, which identifies the person per platform.</summary>
    public string IdentityKey => CreateIdentityKey(Platform, Handle);

    /// <summary>Creates the identity key <c>platform:handle</c> (handle in lower case).</summary>
    /// <param name="platform">The platform.</param>
    /// <param name="handle">The handle on that platform; a leading <c>@</c> is removed.</param>
    /// <returns>The identity key.</returns>
    /// <exception cref="ArgumentException"><paramref name="platform"/> or <paramref name="handle"/> is null or empty.</exception>
    public static string CreateIdentityKey(string platform, string handle)
    {
        ArgumentException.ThrowIfNullOrEmpty(platform);
        ArgumentException.ThrowIfNullOrEmpty(handle);
        return string.Concat(platform.ToLowerInvariant(), ":", handle.TrimStart('@').ToLowerInvariant());
    }
}

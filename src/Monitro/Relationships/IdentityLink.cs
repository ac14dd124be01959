namespace Monitro;

/// <summary>Two identity keys (<see cref="Author.IdentityKey"/>) that belong to one person.</summary>
public sealed class IdentityLink
{
    /// <summary>Gets or sets one identity key, for example <c>mastodon:jane@example.social</c>.</summary>
    public string First { get; set; } = "";

    /// <summary>Gets or sets the other identity key, for example <c>bluesky:jane.dev</c>.</summary>
    public string Second { get; set; } = "";
}

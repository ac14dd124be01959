namespace Monitro.Sources.Bluesky;

/// <summary>What a <see cref="BlueskySession"/> signs in with.</summary>
/// <param name="ServiceUrl">The account's server (PDS).</param>
/// <param name="Identifier">The account's handle or e-mail.</param>
/// <param name="AppPassword">An app password of the account; never logged.</param>
/// <param name="UserAgent">The User-Agent to send, or <see langword="null"/>.</param>
internal sealed record BlueskyCredentials(Uri ServiceUrl, string Identifier, string AppPassword, string? UserAgent)
{
    // A record prints its members; this one holds a password and maybe an e-mail address.
    public override string ToString() => $"BlueskyCredentials {{ ServiceUrl = {ServiceUrl} }}";
}

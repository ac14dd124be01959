namespace Monitro.Samples.Crm;

/// <summary>How the CRM sample runs.</summary>
public sealed record CrmSettings
{
    /// <summary>Gets the secret shared with Monitro: at least 32 bytes in UTF-8, never one written in code or in the repository.</summary>
    public required string Secret { get; init; }

    /// <summary>Gets the token that signs in to the pages and the dashboard: at least 32 bytes in UTF-8, never one written in code or in the repository.</summary>
    public required string AccessToken { get; init; }

    /// <summary>Gets the path of the CRM's SQLite database.</summary>
    public string DatabasePath { get; init; } = "crm.db";

    /// <summary>Gets the address to listen on: a loopback address (the app serves plain HTTP); port 0 picks a free port.</summary>
    public Uri Url { get; init; } = new("http://127.0.0.1:5080");

    /// <summary>Gets the identity keys (<c>platform:handle</c>) of the company's own accounts: their posts never open a case.</summary>
    public IReadOnlySet<string> OwnIdentityKeys { get; init; } = new HashSet<string>(StringComparer.Ordinal);
}

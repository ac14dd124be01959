namespace Monitro.Dashboard.Endpoints;

/// <summary>The checked options the dashboard's pages run with.</summary>
internal sealed record DashboardSettings(MonitroDashboardOptions Options, string Prefix)
{
    /// <summary>The Content-Security-Policy of every response: no script at all, styles and images only from the dashboard.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
}

using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Monitro.Dashboard.Tests;

/// <summary>
/// A test sign-in: the <c>X-Test-User</c> header names the user and their roles (<c>ana;admin</c>); without it the
/// request is anonymous, or signed in as the scheme's default user when one is set (a browser sends no header).
/// </summary>
internal sealed class HeaderAuthenticationHandler(IOptionsMonitor<HeaderAuthenticationOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<HeaderAuthenticationOptions>(options, logger, encoder)
{
    public const string SchemeName = "TestHeader";
    public const string Header = "X-Test-User";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var user = Request.Headers[Header].FirstOrDefault() ?? Options.DefaultUser;
        if (string.IsNullOrEmpty(user))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var parts = user.Split(';');
        var claims = new List<Claim> { new(ClaimTypes.Name, parts[0]) };
        claims.AddRange(parts.Skip(1).SelectMany(roles => roles.Split(',')).Select(role => new Claim(ClaimTypes.Role, role)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}

/// <summary>Options of <see cref="HeaderAuthenticationHandler"/>.</summary>
internal sealed class HeaderAuthenticationOptions : AuthenticationSchemeOptions
{
    /// <summary>Gets or sets the user of requests without the header, or <see langword="null"/> for anonymous.</summary>
    public string? DefaultUser { get; set; }
}

using Microsoft.AspNetCore.Authentication.Cookies;

namespace Monitro.Samples.Crm.Access;

/// <summary>
/// Who may open the CRM: whoever holds its access token, exchanged once for a session cookie (as a notebook server
/// does). Every page and the Monitro dashboard require <see cref="Policy"/>; only the webhook (signed by Monitro), the
/// sign-in page and the stylesheet are open.
/// </summary>
public static class CrmAccess
{
    /// <summary>The authorization policy of the pages and the dashboard: a signed-in user.</summary>
    public const string Policy = "CrmUsers";

    /// <summary>The sign-in page, where a request without a session is sent.</summary>
    public const string LoginPath = "/login";

    /// <summary>The query parameter of the sign-in page that names the page to go back to (the cookie handler's).</summary>
    public const string ReturnUrlParameter = "ReturnUrl";

    /// <summary>The query or form field that carries the token.</summary>
    public const string TokenField = "token";

    /// <summary>The shortest access token accepted, in UTF-8 bytes.</summary>
    public const int MinTokenBytes = 32;

    /// <summary>Registers the session cookie and the policy, which is also the fallback of every endpoint that names none.</summary>
    public static void AddServices(IServiceCollection services)
    {
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(options =>
        {
            options.LoginPath = LoginPath;
            options.ReturnUrlParameter = ReturnUrlParameter;
            options.Cookie.Name = "crm-session";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
        });
        services.AddAuthorization(options =>
        {
            options.AddPolicy(Policy, policy => policy.RequireAuthenticatedUser());
            options.FallbackPolicy = options.GetPolicy(Policy);
        });
    }

    /// <summary>The link that signs in with the token and opens <paramref name="returnPath"/> (a path of this CRM).</summary>
    public static Uri SignInLink(Uri address, string token, string returnPath = "/") =>
        new(address, LoginPath + QueryString.Create([new KeyValuePair<string, string?>(TokenField, token), new KeyValuePair<string, string?>(ReturnUrlParameter, returnPath)]));

    /// <summary>The path to go back to after signing in: a path of this CRM, else the contacts.</summary>
    public static string LocalPathOr(string? returnUrl) =>
        returnUrl is ['/'] or ['/', not ('/' or '\\'), ..] ? returnUrl : "/";
}

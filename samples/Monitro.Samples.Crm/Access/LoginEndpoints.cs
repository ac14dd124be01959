using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Monitro.Samples.Crm.Pages;

namespace Monitro.Samples.Crm.Access;

/// <summary>
/// <c>/login</c>: the sign-in link the CRM prints at start (<c>GET /login?token=…</c>) signs in at once; without a
/// token the page shows a form that posts the token (with its antiforgery token). A wrong token gets the form again
/// with 401; a right one sets the session cookie and goes back to the page asked for.
/// </summary>
public static class LoginEndpoints
{
    // A form of one token and a few hidden fields.
    private const long MaxFormBytes = 4 * 1024;

    /// <summary>Maps the sign-in page and its form, open to everyone.</summary>
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(CrmAccess.LoginPath, GetAsync).AllowAnonymous();
        app.MapPost(CrmAccess.LoginPath, PostAsync).AllowAnonymous();
    }

    /// <summary><c>GET /login</c>, with or without the token.</summary>
    public static async Task<IResult> GetAsync(HttpContext context, CrmSettings settings, IAntiforgery antiforgery)
    {
        ArgumentNullException.ThrowIfNull(context);
        var returnUrl = CrmAccess.LocalPathOr(context.Request.Query[CrmAccess.ReturnUrlParameter]);
        var token = context.Request.Query[CrmAccess.TokenField].ToString();
        return token.Length == 0
            ? Form(context, antiforgery, returnUrl, StatusCodes.Status200OK)
            : await SignInAsync(context, settings, antiforgery, token, returnUrl);
    }

    /// <summary><c>POST /login</c>: the form.</summary>
    public static async Task<IResult> PostAsync(HttpContext context, CrmSettings settings, IAntiforgery antiforgery)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(antiforgery);
        if (context.Request.ContentLength is not { } length || length > MaxFormBytes || !context.Request.HasFormContentType
            || !await antiforgery.IsRequestValidAsync(context))
        {
            return Results.BadRequest("The form is too large, expired or not from this CRM; open the page again.");
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        return await SignInAsync(context, settings, antiforgery, form[CrmAccess.TokenField].ToString(), CrmAccess.LocalPathOr(form[CrmAccess.ReturnUrlParameter]));
    }

    private static async Task<IResult> SignInAsync(HttpContext context, CrmSettings settings, IAntiforgery antiforgery, string token, string returnUrl)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(settings.AccessToken)))
        {
            return Form(context, antiforgery, returnUrl, StatusCodes.Status401Unauthorized);
        }

        var user = new ClaimsIdentity([new Claim(ClaimTypes.Name, "CRM user")], CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(user));
        return Results.LocalRedirect(returnUrl);
    }

    private static IResult Form(HttpContext context, IAntiforgery antiforgery, string returnUrl, int statusCode)
    {
        ArgumentNullException.ThrowIfNull(antiforgery);
        var page = LoginPage.Render(returnUrl, antiforgery.GetAndStoreTokens(context), refused: statusCode == StatusCodes.Status401Unauthorized);
        return Results.Content(page, "text/html; charset=utf-8", statusCode: statusCode);
    }
}

using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Monitro.Samples.Crm.Access;

namespace Monitro.Samples.Crm.Pages;

/// <summary>The sign-in form: the access token the CRM printed at start (or the one configured), and where to go next.</summary>
public static class LoginPage
{
    /// <summary>Renders the form; <paramref name="refused"/> says the last token was wrong.</summary>
    public static string Render(string returnUrl, AntiforgeryTokenSet tokens, bool refused)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var html = new StringBuilder("<h1>Sign in</h1>");
        if (refused)
        {
            html.Append("<p class=\"error\" id=\"refused\">That is not this CRM's access token.</p>");
        }

        html.Append("<form class=\"login\" method=\"post\" action=\"").Append(CrmAccess.LoginPath).Append("\">")
            .Append("<input type=\"hidden\" name=\"").Append(PageLayout.Encode(tokens.FormFieldName)).Append("\" value=\"").Append(PageLayout.Encode(tokens.RequestToken)).Append("\">")
            .Append("<input type=\"hidden\" name=\"").Append(CrmAccess.ReturnUrlParameter).Append("\" value=\"").Append(PageLayout.Encode(returnUrl)).Append("\">")
            .Append("<label for=\"token\">Access token</label> <input type=\"password\" id=\"token\" name=\"").Append(CrmAccess.TokenField).Append("\" autocomplete=\"current-password\" required>")
            .Append(" <button type=\"submit\">Sign in</button></form>")
            .Append("<p class=\"none\">The CRM prints its token, and a link that signs in with it, when it starts (or set <code>CRM_ACCESS_TOKEN</code>).</p>");
        return PageLayout.Render("Sign in", CrmAccess.LoginPath, html);
    }
}

using System.Globalization;
using System.Net;
using System.Text;

namespace Monitro.Samples.Crm.Pages;

/// <summary>
/// The frame of every page: the stylesheet the app serves and the navigation. Pages hold no script and no inline
/// style, so they work under the strict Content-Security-Policy the app sends; every text from Monitro is encoded.
/// </summary>
public static class PageLayout
{
    /// <summary>The address of the stylesheet.</summary>
    public const string StylesheetPath = "/crm.css";

    /// <summary>Wraps a page body in the document, with the navigation's current item marked.</summary>
    public static string Render(string title, string current, StringBuilder body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{Encode(title)} · Sample CRM</title><link rel="stylesheet" href="{StylesheetPath}"></head>
            <body><header><span class="brand">Sample CRM</span><nav>
            """);
        foreach (var (path, label) in new[] { ("/", "Contacts"), ("/cases", "Cases"), ("/alerts", "Digests, spikes and alerts"), (CrmApp.DashboardPath + "/", "Monitro dashboard") })
        {
            html.Append(CultureInfo.InvariantCulture, $"<a href=\"{path}\"{(path == current ? " aria-current=\"page\"" : string.Empty)}>{label}</a>");
        }

        return html.Append("</nav></header><main>").Append(body).Append("</main></body></html>").ToString();
    }

    /// <summary>HTML-encodes text for an element or a quoted attribute.</summary>
    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>A 0–100 score with one decimal, or a dash when there is none.</summary>
    public static string Score(double? value) => value is { } score ? score.ToString("0.0", CultureInfo.InvariantCulture) : "–";

    /// <summary>An http(s) address fit for a link, or <see langword="null"/> (a <c>javascript:</c> address from a post never becomes a link).</summary>
    public static string? LinkTarget(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var address) && address.Scheme is "https" or "http" ? address.AbsoluteUri : null;

    /// <summary>The address of a contact's page.</summary>
    public static string ContactUrl(string contactId) => "/contact?id=" + Uri.EscapeDataString(contactId);
}

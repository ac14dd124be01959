using System.Globalization;

namespace Monitro.Dashboard.Rendering;

/// <summary>The frame of every page: head with the stylesheet, the navigation, the page's main element.</summary>
internal static class PageLayout
{
    private static readonly (string Path, string Name)[] Pages =
    [
        ("", "Overview"), ("/mentions", "Mentions"), ("/people", "People"), ("/inbox", "Open items"),
        ("/sources", "Sources"), ("/outbox", "Outbox"), ("/watches", "Watches"),
    ];

    /// <summary>Wraps a page's body.</summary>
    /// <param name="basePath">The dashboard's address (path base and prefix).</param>
    /// <param name="pageId">The id of the main element, one per page.</param>
    /// <param name="title">The page's title.</param>
    /// <param name="body">The page's content.</param>
    public static string Render(string basePath, string pageId, string title, Html body)
    {
        var html = new Html()
            .Markup("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Markup("<title>").Text(title).Markup(" · Monitro</title>")
            .Markup("<link rel=\"icon\" href=\"data:,\"><link rel=\"stylesheet\"").Attribute("href", basePath + "/dashboard.css").Markup("></head><body>")
            .Markup("<header><span class=\"brand\">Monitro</span><nav>");
        foreach (var (path, name) in Pages)
        {
            html.Markup("<a").Attribute("href", basePath + (path.Length == 0 ? "/" : path));
            if (string.Equals(name, title, StringComparison.Ordinal))
            {
                html.Markup(" aria-current=\"page\"");
            }

            html.Markup(">").Text(name).Markup("</a>");
        }

        return html.Markup("</nav></header><main").Attribute("id", pageId).Markup("><h1>").Text(title).Markup("</h1>")
            .Markup(body.ToString())
            .Markup("</main></body></html>")
            .ToString();
    }

    /// <summary>Formats an instant on the dashboard's clock.</summary>
    public static string Time(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Formats a duration as days, hours and minutes (the largest two that apply).</summary>
    public static string Duration(TimeSpan span)
    {
        var sign = span < TimeSpan.Zero ? "-" : string.Empty;
        span = span.Duration();
        return span.TotalDays >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{sign}{(int)span.TotalDays}d {span.Hours}h")
            : string.Create(CultureInfo.InvariantCulture, $"{sign}{span.Hours}h {span.Minutes}m");
    }

    /// <summary>Appends the pager of a list read by continuation token: back to the first page, and the next page when there is one.</summary>
    /// <param name="html">The page being built.</param>
    /// <param name="pageUrl">The list's address with its other query parameters, ending in <c>?</c> or <c>&amp;</c>.</param>
    /// <param name="isFirst">Whether this is the first page.</param>
    /// <param name="next">The continuation token of the next page, or <see langword="null"/> on the last page.</param>
    public static void Pager(Html html, string pageUrl, bool isFirst, string? next)
    {
        html.Markup("<nav class=\"pager\">");
        if (!isFirst)
        {
            html.Link(pageUrl.TrimEnd('?', '&'), "First page", "first");
        }

        if (next is not null)
        {
            html.Link(pageUrl + "page=" + Uri.EscapeDataString(next), "Next page", "next");
        }

        html.Markup("</nav>");
    }
}

using System.Globalization;
using Microsoft.AspNetCore.Http;
using Monitro.Dashboard.Endpoints;
using Monitro.Dashboard.Rendering;

namespace Monitro.Dashboard.Pages;

/// <summary>The open inbox items, most urgent first, each with its age and where it stands against its answer target (SLA).</summary>
internal static class InboxPage
{
    public static async Task<IResult> RenderAsync(DashboardRequest request)
    {
        var now = request.Clock.GetUtcNow();
        var page = await request.Require<IMonitroInbox>().ListItemsAsync(InboxQuery.Open, request.ListPage, request.Aborted).ConfigureAwait(false);

        var html = new Html();
        var overdue = page.Items.Count(item => item.DueAt < now);
        html.Markup("<p class=\"summary\">").Text(string.Create(CultureInfo.InvariantCulture, $"{page.Items.Count} open items on this page, {overdue} past their answer target")).Markup("</p>");
        html.Markup("<table id=\"items\"><thead><tr><th>post</th><th>kind</th><th>state</th><th>assignee</th><th>age</th><th>due</th><th>SLA</th></tr></thead><tbody>");
        foreach (var item in page.Items)
        {
            var late = item.DueAt < now;
            html.Markup("<tr").Attribute("data-item-id", item.Id).Attribute("class", late ? "overdue" : "on-time").Markup(">")
                .Markup("<td>").Isolated(item.Id).Markup("<br><small>").Isolated(item.PersonId).Markup("</small></td>")
                .Element("td", item.Kind.ToString())
                .Element("td", item.State.ToString())
                .Element("td", item.Assignee ?? "—")
                .Element("td", PageLayout.Duration(now - item.CreatedAt), "num age")
                .Element("td", request.FormatTime(item.DueAt))
                .Element("td", late ? "overdue by " + PageLayout.Duration(now - item.DueAt) : PageLayout.Duration(item.DueAt - now) + " left", "sla")
                .Markup("</tr>");
        }

        html.Markup("</tbody></table>");
        PageLayout.Pager(html, request.BasePath + "/inbox?", request.Query("page") is null, page.ContinuationToken);
        return request.Render("inbox", "Open items", html);
    }
}

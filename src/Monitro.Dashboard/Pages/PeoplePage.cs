using Microsoft.AspNetCore.Http;
using Monitro.Dashboard.Endpoints;
using Monitro.Dashboard.Rendering;

namespace Monitro.Dashboard.Pages;

/// <summary>People by the strength of their bond: role, Bond, Affect, Care, open items and why.</summary>
internal static class PeoplePage
{
    public static async Task<IResult> RenderAsync(DashboardRequest request)
    {
        var page = await request.Require<IMonitroQueries>().GetTopRelationshipsAsync(request.ListPage, request.Aborted).ConfigureAwait(false);

        var html = new Html();
        if (page.Items.Count == 0)
        {
            html.Markup("<p class=\"empty\">No scored relationships yet.</p>");
        }

        html.Markup("<table id=\"people\"><thead><tr><th>person</th><th>role</th><th>Bond</th><th>Affect</th><th>Care</th><th>open</th><th>last contact</th><th>why</th></tr></thead><tbody>");
        foreach (var person in page.Items)
        {
            html.Markup("<tr").Attribute("data-person-id", person.PersonId).Markup(">")
                .Markup("<td class=\"name\">").Isolated(person.Person.DisplayName ?? person.Person.Handle).Markup("<br><small>").Isolated(person.Person.Platform + " @" + person.Person.Handle).Markup("</small></td>")
                .Element("td", person.Role?.ToString() ?? "—", "role")
                .Markup("<td class=\"num bond\">").Number(person.Bond, "0").Markup(" <small>").Isolated(person.Band).Markup("</small></td>");
            Score(html, person.Affect, "affect");
            Score(html, person.Care, "care");
            html.Markup("<td class=\"num open\">").Number(person.OpenItems, "0").Markup("</td>")
                .Element("td", request.FormatTime(person.LastContactAt))
                .Element("td", person.Reason, "why")
                .Markup("</tr>");
        }

        html.Markup("</tbody></table>");
        PageLayout.Pager(html, request.BasePath + "/people?", request.Query("page") is null, page.ContinuationToken);
        return request.Render("people", "People", html);
    }

    private static void Score(Html html, RelationshipScore? score, string cssClass)
    {
        html.Markup("<td class=\"num ").Markup(cssClass).Markup("\">");
        if (score?.Value is { } value)
        {
            html.Number(value, "0");
        }
        else
        {
            html.Markup("<span class=\"none\" title=\"not enough evidence\">—</span>");
        }

        html.Markup("</td>");
    }
}

using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Monitro.Dashboard.Endpoints;
using Monitro.Dashboard.Rendering;

namespace Monitro.Dashboard.Pages;

/// <summary>The alert outbox's figures and the dead letters, with a re-drive form (antiforgery-protected) on each dead alert.</summary>
internal static class OutboxPage
{
    public static async Task<IResult> RenderAsync(DashboardRequest request)
    {
        var html = new Html();
        if (request.Query("redriven") is { } redriven)
        {
            html.Markup("<p class=\"notice\" role=\"status\">").Text(redriven == "0" ? "That alert is no longer dead; nothing was re-driven." : "The alert is back in the outbox.").Markup("</p>");
        }

        if (request.Context.RequestServices.GetService<IMonitroStore>() is IAlertOutboxStatistics statistics)
        {
            var figures = await statistics.GetOutboxStatisticsAsync(request.Aborted).ConfigureAwait(false);
            html.Markup("<dl id=\"outbox\"><dt>waiting</dt><dd class=\"waiting\">").Number(figures.Waiting, "N0")
                .Markup("</dd><dt>oldest due</dt><dd>").Text(figures.OldestDueAt is { } due ? request.FormatTime(due) : "—")
                .Markup("</dd><dt>dead alerts</dt><dd class=\"dead\">").Number(figures.DeadAlerts, "N0")
                .Markup("</dd><dt>last given up</dt><dd>").Text(figures.NewestDeadAlertAt is { } dead ? request.FormatTime(dead) : "—")
                .Markup("</dd></dl>");
        }

        var page = await request.Require<IMonitroQueries>().GetDeadLettersAsync(request.ListPage, request.Aborted).ConfigureAwait(false);
        var tokens = request.Require<IAntiforgery>().GetAndStoreTokens(request.Context);
        html.Markup("<h2>Dead letters</h2>");
        if (page.Items.Count == 0)
        {
            html.Markup("<p class=\"empty\">No dead letters.</p>");
        }

        html.Markup("<table id=\"dead-letters\"><thead><tr><th>kind</th><th>origin</th><th>position</th><th>reason</th><th>recorded</th><th></th></tr></thead><tbody>");
        foreach (var letter in page.Items)
        {
            html.Markup("<tr").Attribute("data-kind", letter.Kind).Markup(">")
                .Element("td", letter.Kind)
                .Element("td", letter.Origin)
                .Element("td", letter.Position, "position")
                .Markup("<td class=\"reason\">").Isolated(letter.Reason);
            if (letter.Excerpt is not null)
            {
                html.Markup("<br><code dir=\"auto\">").Text(letter.Excerpt.Length > 200 ? letter.Excerpt[..200] + "…" : letter.Excerpt).Markup("</code>");
            }

            html.Markup("</td>").Element("td", request.FormatTime(letter.RecordedAt)).Markup("<td>");
            if (letter.Kind == DeadLetterKinds.Alert)
            {
                html.Markup("<form method=\"post\"").Attribute("action", request.BasePath + "/outbox/redrive").Markup(">")
                    .Markup("<input type=\"hidden\"").Attribute("name", tokens.FormFieldName).Attribute("value", tokens.RequestToken).Markup(">")
                    .Markup("<input type=\"hidden\" name=\"key\"").Attribute("value", letter.Position).Markup(">")
                    .Markup("<button type=\"submit\">Re-drive</button></form>");
            }

            html.Markup("</td></tr>");
        }

        html.Markup("</tbody></table>");
        PageLayout.Pager(html, request.BasePath + "/outbox?", request.Query("page") is null, page.ContinuationToken);
        return request.Render("outbox-page", "Outbox", html);
    }

    /// <summary>Re-drives one dead alert, after checking the form's antiforgery token, and goes back to the list.</summary>
    public static async Task<IResult> RedriveAsync(DashboardRequest request)
    {
        try
        {
            await request.Require<IAntiforgery>().ValidateRequestAsync(request.Context).ConfigureAwait(false);
        }
        catch (AntiforgeryValidationException)
        {
            return Results.BadRequest();
        }

        var form = await request.Context.Request.ReadFormAsync(request.Aborted).ConfigureAwait(false);
        if (form["key"].FirstOrDefault() is not { Length: > 0 } key)
        {
            return Results.BadRequest();
        }

        var redriven = await request.Require<IAlertDeadLetters>().RedriveAsync(key, request.Aborted).ConfigureAwait(false);
        return Results.Redirect(request.BasePath + "/outbox?redriven=" + (redriven ? "1" : "0"), permanent: false, preserveMethod: false);
    }
}

using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Monitro.Dashboard.Endpoints;
using Monitro.Dashboard.Rendering;
using Monitro.Sources;

namespace Monitro.Dashboard.Pages;

/// <summary>The sources' health: when each last reached its platform, failed, or delivered a post.</summary>
internal static class SourcesPage
{
    public static IResult Render(DashboardRequest request)
    {
        var html = new Html();
        var monitor = request.Context.RequestServices.GetService<ISourceHealthMonitor>();
        if (monitor is null)
        {
            html.Markup("<p class=\"empty\">No source health is recorded in this application (the sources of Monitro.Sources record it).</p>");
            return request.Render("sources", "Sources", html);
        }

        html.Markup("<table id=\"health\"><thead><tr><th>source</th><th>status</th><th>last success</th><th>last post</th><th>failures in a row</th><th>last failure</th></tr></thead><tbody>");
        foreach (var source in monitor.GetAll())
        {
            var status = source.IsFailing ? "failing" : source.IsSilent ? "silent" : "healthy";
            html.Markup("<tr").Attribute("data-source", source.SourceName).Attribute("class", status).Markup(">")
                .Element("td", source.SourceName)
                .Element("td", status, "status")
                .Element("td", Optional(request, source.LastSuccess))
                .Element("td", Optional(request, source.LastPostAt))
                .Markup("<td class=\"num\">").Number(source.ConsecutiveFailures, "0").Markup("</td>")
                .Markup("<td>").Text(Optional(request, source.LastFailure));
            if (source.LastError is not null)
            {
                html.Markup("<br><small>").Isolated(source.LastError).Markup("</small>");
            }

            html.Markup("</td></tr>");
        }

        html.Markup("</tbody></table>");
        return request.Render("sources", "Sources", html);
    }

    private static string Optional(DashboardRequest request, DateTimeOffset? instant) => instant is { } at ? request.FormatTime(at) : "never";
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Monitro.Dashboard.Pages;

namespace Monitro.Dashboard.Endpoints;

/// <summary>The dashboard's routes, and the security headers on every response.</summary>
/// <remarks>Plain request delegates, not route handlers: nothing is bound by reflection, so the package stays trim- and AOT-safe.</remarks>
internal static class DashboardEndpoints
{
    /// <summary>Maps the pages, the stylesheet and the re-drive form's target on the group.</summary>
    public static void Map(RouteGroupBuilder group, DashboardSettings settings)
    {
        group.MapGet("/", Handle(settings, OverviewPage.RenderAsync));
        group.MapGet("/mentions", Handle(settings, MentionsPage.RenderAsync));
        group.MapGet("/people", Handle(settings, PeoplePage.RenderAsync));
        group.MapGet("/inbox", Handle(settings, InboxPage.RenderAsync));
        group.MapGet("/sources", Handle(settings, request => Task.FromResult(SourcesPage.Render(request))));
        group.MapGet("/outbox", Handle(settings, OutboxPage.RenderAsync));
        group.MapPost("/outbox/redrive", Handle(settings, OutboxPage.RedriveAsync));
        group.MapGet("/watches", Handle(settings, WatchesPage.RenderAsync));
        group.MapGet("/dashboard.css", Handle(settings, static _ => Task.FromResult(Results.Text(Stylesheet.Content, "text/css; charset=utf-8"))));
    }

    private static RequestDelegate Handle(DashboardSettings settings, Func<DashboardRequest, Task<IResult>> page) => async context =>
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = DashboardSettings.ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
        var request = new DashboardRequest(context, settings);
        IResult result;
        try
        {
            result = await page(request).ConfigureAwait(false);
        }
        catch (ArgumentException) when (request.Query("page") is not null)
        {
            // The store refuses a continuation token it did not write for this list (edited, or from another list).
            result = DashboardRequest.BadParameter("page", "is not a page of this list; start again from its first page");
        }

        await result.ExecuteAsync(context).ConfigureAwait(false);
    };
}

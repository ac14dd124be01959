using System.Text;
using Monitro.Samples.Crm.Pages;

namespace Monitro.Samples.Crm;

/// <summary>
/// Lets the Monitro dashboard, mounted in the CRM, read the Monitro that runs in this process. That Monitro is built by
/// the replay in a service container of its own (on the replay's clock, after the app has started, since its webhook
/// posts to the app's address); so for requests to the dashboard, the request's services answer Monitro's own types
/// (the public ones of its packages, all in the <c>Monitro</c> and <c>Monitro.Sources</c> namespaces) and the clock
/// from that container, and everything else (antiforgery, logging) from the app's. Without a Monitro in the process
/// the dashboard's address answers 503 with a page that says so.
/// </summary>
public static class LinkedMonitroServices
{
    /// <summary>Adds the middleware; it must come after authorization, so the dashboard's policy is checked first.</summary>
    public static void Use(WebApplication app, string dashboardPath)
    {
        ArgumentNullException.ThrowIfNull(app);
        var link = app.Services.GetRequiredService<MonitroLink>();
        app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments(dashboardPath))
            {
                await next(context);
                return;
            }

            if (link.Services is not { } monitro)
            {
                var html = new StringBuilder("<h1>Monitro dashboard</h1><p class=\"none\" id=\"no-monitro\">Monitro does not run in this process (start the CRM with --replay): no dashboard.</p>");
                await Results.Content(PageLayout.Render("Monitro dashboard", dashboardPath + "/", html), "text/html; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable)
                    .ExecuteAsync(context);
                return;
            }

            var own = context.RequestServices;
            context.RequestServices = new Provider(monitro, own);
            try
            {
                await next(context);
            }
            finally
            {
                context.RequestServices = own;
            }
        });
    }

    private sealed class Provider(IServiceProvider monitro, IServiceProvider app) : IServiceProvider
    {
        public object? GetService(Type serviceType) =>
            (IsMonitros(serviceType) ? monitro.GetService(serviceType) : null) ?? app.GetService(serviceType);

        private static bool IsMonitros(Type type) => type == typeof(TimeProvider) || type.Namespace is "Monitro" or "Monitro.Sources";
    }
}

using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Monitro.Samples.Crm.Data;
using Monitro.Samples.Crm.Pages;
using Monitro.Samples.Crm.Replies;

namespace Monitro.Samples.Crm;

/// <summary>Builds and starts the CRM web app: the webhook endpoint, the pages, the reply forms and the stylesheet.</summary>
public static class CrmApp
{
    /// <summary>The shortest secret accepted, in UTF-8 bytes, as for Monitro's webhook sink.</summary>
    public const int MinSecretBytes = 32;

    /// <summary>The policy sent with every response: the app's own stylesheet, no script at all, no framing.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>Starts the app and returns it with the address it listens on.</summary>
    /// <exception cref="ArgumentException">The secret is shorter than <see cref="MinSecretBytes"/>, or the address is not a loopback address.</exception>
    public static async Task<(WebApplication App, Uri Address)> StartAsync(CrmSettings settings, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (System.Text.Encoding.UTF8.GetByteCount(settings.Secret ?? string.Empty) < MinSecretBytes)
        {
            throw new ArgumentException(
                $"The webhook secret must be at least {MinSecretBytes} bytes; set MONITRO_WEBHOOK_SECRET (for example to the output of `openssl rand -hex 32`).",
                nameof(settings));
        }

        // The pages have no login: they must not be reachable from another machine.
        if (!settings.Url.IsLoopback)
        {
            throw new ArgumentException(
                $"The sample CRM listens only on a loopback address (127.0.0.1, [::1] or localhost), not on {settings.Url.Host}: its pages have no login.",
                nameof(settings));
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(settings.Url.ToString());
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(timeProvider ?? TimeProvider.System);
        builder.Services.AddSingleton(new CrmDatabase(settings.DatabasePath));
        builder.Services.AddSingleton(new CasePolicy(settings.OwnIdentityKeys));

        // Created by the container, so the Monitro it links is disposed with the app.
        builder.Services.AddSingleton<MonitroLink>();
        builder.Services.AddSingleton<CaseReplies>();
        builder.Services.AddAntiforgery();
        var app = builder.Build();
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            return next(context);
        });
        app.MapPost("/hooks/monitro", MonitroWebhookEndpoint.HandleAsync);
        app.MapGet("/", (HttpRequest request, CrmDatabase database) => Html(ContactsPage.Render(database.ReadContacts(Views.ContactQuery.From(request.Query)), database.Count("cases"))));
        app.MapGet("/contact", CaseEndpoints.ContactAsync);
        app.MapGet("/cases", CaseEndpoints.CasesAsync);
        app.MapPost(ReplyBox.ReplyPath, CaseEndpoints.ReplyAsync);
        app.MapPost(ReplyBox.ApprovePath, CaseEndpoints.ApproveAsync);
        app.MapGet("/alerts", (CrmDatabase database) => Html(AlertsPage.Render(
            database.ReadAlerts(AlertKinds.Digest), database.ReadAlerts(AlertKinds.Spike), database.ReadAlerts(AlertKinds.RelationshipPrefix))));
        app.MapGet(PageLayout.StylesheetPath, () => Results.Text(Stylesheet.Value, "text/css; charset=utf-8"));
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address));
    }

    private static IResult Html(string page) => Results.Content(page, "text/html; charset=utf-8");
}

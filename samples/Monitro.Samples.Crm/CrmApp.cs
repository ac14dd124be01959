using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Monitro.Samples.Crm.Access;
using Monitro.Samples.Crm.Data;
using Monitro.Samples.Crm.Pages;
using Monitro.Samples.Crm.Replies;

namespace Monitro.Samples.Crm;

/// <summary>
/// Builds and starts the CRM web app: the webhook endpoint, the sign-in, the pages, the reply forms, the stylesheet,
/// and the Monitro dashboard at <see cref="DashboardPath"/>, behind the same policy as the pages.
/// </summary>
public static class CrmApp
{
    /// <summary>The shortest secret accepted, in UTF-8 bytes, as for Monitro's webhook sink.</summary>
    public const int MinSecretBytes = 32;

    /// <summary>Where the Monitro dashboard is mounted.</summary>
    public const string DashboardPath = "/monitro";

    /// <summary>The policy sent with every response (the dashboard sends its own, as strict): the app's own stylesheet, no script at all, no framing.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>Starts the app and returns it with the address it listens on.</summary>
    /// <exception cref="ArgumentException">
    /// The secret is shorter than <see cref="MinSecretBytes"/>, the access token shorter than
    /// <see cref="CrmAccess.MinTokenBytes"/>, or the address is not a loopback address.
    /// </exception>
    public static async Task<(WebApplication App, Uri Address)> StartAsync(CrmSettings settings, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (System.Text.Encoding.UTF8.GetByteCount(settings.Secret ?? string.Empty) < MinSecretBytes)
        {
            throw new ArgumentException(
                $"The webhook secret must be at least {MinSecretBytes} bytes; set MONITRO_WEBHOOK_SECRET (for example to the output of `openssl rand -hex 32`).",
                nameof(settings));
        }

        if (System.Text.Encoding.UTF8.GetByteCount(settings.AccessToken ?? string.Empty) < CrmAccess.MinTokenBytes)
        {
            throw new ArgumentException(
                $"The access token must be at least {CrmAccess.MinTokenBytes} bytes; set CRM_ACCESS_TOKEN (for example to the output of `openssl rand -hex 32`) or leave it unset for a new one.",
                nameof(settings));
        }

        // Plain HTTP: the token and the session cookie must not cross a network.
        if (!settings.Url.IsLoopback)
        {
            throw new ArgumentException(
                $"The sample CRM listens only on a loopback address (127.0.0.1, [::1] or localhost), not on {settings.Url.Host}: it serves plain HTTP.",
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
        builder.Services.AddMonitroDashboard();
        CrmAccess.AddServices(builder.Services);
        var app = builder.Build();
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            return next(context);
        });
        app.UseAuthentication();
        app.UseAuthorization();
        LinkedMonitroServices.Use(app, DashboardPath);

        // Signed by Monitro instead of a session; everything else requires CrmAccess.Policy, the fallback policy.
        app.MapPost("/hooks/monitro", MonitroWebhookEndpoint.HandleAsync).AllowAnonymous();
        LoginEndpoints.Map(app);
        app.MapGet("/", (HttpRequest request, CrmDatabase database) => Html(ContactsPage.Render(database.ReadContacts(Views.ContactQuery.From(request.Query)), database.Count("cases"))));
        app.MapGet("/contact", CaseEndpoints.ContactAsync);
        app.MapGet("/cases", CaseEndpoints.CasesAsync);
        app.MapPost(ReplyBox.ReplyPath, CaseEndpoints.ReplyAsync);
        app.MapPost(ReplyBox.ApprovePath, CaseEndpoints.ApproveAsync);
        app.MapGet("/alerts", (CrmDatabase database) => Html(AlertsPage.Render(
            database.ReadAlerts(AlertKinds.Digest), database.ReadAlerts(AlertKinds.Spike), database.ReadAlerts(AlertKinds.RelationshipPrefix))));
        app.MapGet(PageLayout.StylesheetPath, () => Results.Text(Stylesheet.Value, "text/css; charset=utf-8")).AllowAnonymous();
        app.MapMonitroDashboard(DashboardPath, options => options.AuthorizationPolicy = CrmAccess.Policy);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address));
    }

    private static IResult Html(string page) => Results.Content(page, "text/html; charset=utf-8");
}

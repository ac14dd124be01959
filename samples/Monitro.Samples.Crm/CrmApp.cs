using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Monitro.Samples.Crm;

/// <summary>Builds and starts the CRM web app: the webhook endpoint and the contacts page.</summary>
public static class CrmApp
{
    /// <summary>The shortest secret accepted, in UTF-8 bytes, as for Monitro's webhook sink.</summary>
    public const int MinSecretBytes = 32;

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

        // The contacts page has no login: it must not be reachable from another machine.
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
        var app = builder.Build();
        app.MapPost("/hooks/monitro", MonitroWebhookEndpoint.HandleAsync);
        app.MapGet("/", (CrmDatabase database) => Results.Content(ContactsPage.Render(database.ReadContacts(), database.ReadAlerts()), "text/html; charset=utf-8"));
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address));
    }
}

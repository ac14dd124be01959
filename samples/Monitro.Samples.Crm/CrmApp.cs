using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Monitro.Samples.Crm;

/// <summary>Builds and starts the CRM web app: the webhook endpoint and the contacts page.</summary>
public static class CrmApp
{
    /// <summary>Starts the app and returns it with the address it listens on.</summary>
    public static async Task<(WebApplication App, Uri Address)> StartAsync(CrmSettings settings, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
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

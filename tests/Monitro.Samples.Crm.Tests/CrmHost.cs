using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Monitro.Alerting.Delivery;
using Monitro.Samples.Crm;
using Monitro.Samples.Crm.Access;
using Monitro.Samples.Crm.Data;
using Monitro.Samples.Crm.Replay;
using Monitro.Testing;

namespace Monitro.Samples.Crm.Tests;

/// <summary>The sample CRM running on a free port of 127.0.0.1 with its own database in a temp folder.</summary>
internal sealed class CrmHost : IAsyncDisposable
{
    public const string Secret = "test-crm-secret-test-crm-secret-0001";
    public const string AccessToken = "test-crm-access-token-test-crm-access-0001";
    private readonly TempDirectory _folder = new();
    private WebApplication _app = null!;

    public CrmSettings Settings { get; private set; } = null!;

    public Uri Address { get; private set; } = null!;

    public Uri Hook => new(Address, "/hooks/monitro");

    public CrmDatabase Database { get; private set; } = null!;

    /// <summary>Gets a client signed in to the pages (its cookies kept), which also posts the webhook's events.</summary>
    public HttpClient Client { get; } = new();

    /// <summary>Gets the link to a Monitro in this process (the replay's), for the pages' charts and replies.</summary>
    public MonitroLink Link { get; private set; } = null!;

    public static async Task<CrmHost> StartAsync()
    {
        var host = new CrmHost();
        host.Settings = new CrmSettings { Secret = Secret, AccessToken = AccessToken, DatabasePath = host._folder.File("crm.db"), Url = new Uri("http://127.0.0.1:0"), OwnIdentityKeys = ReplayWorker.OwnIdentityKeys };
        (host._app, host.Address) = await CrmApp.StartAsync(host.Settings);
        host.Database = host._app.Services.GetService(typeof(CrmDatabase)) as CrmDatabase ?? throw new InvalidOperationException();
        host.Link = host._app.Services.GetService(typeof(MonitroLink)) as MonitroLink ?? throw new InvalidOperationException();
        using var signedIn = await host.Client.GetAsync(host.SignInLink("/"));
        signedIn.EnsureSuccessStatusCode();
        return host;
    }

    /// <summary>The link that signs a browser in and opens the page at <paramref name="path"/>.</summary>
    public Uri SignInLink(string path) => CrmAccess.SignInLink(Address, AccessToken, path);

    /// <summary>Posts an event signed as Monitro signs it; the secret, time, key and the timestamp header's text can be spoiled.</summary>
    public async Task<HttpResponseMessage> PostAsync(
        SerializedCrmEvent crmEvent, string secret = Secret, DateTimeOffset? signedAt = null, string? key = null, Func<string, string>? timestampText = null)
    {
        var timestamp = (signedAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, Hook) { Content = new ReadOnlyMemoryContent(crmEvent.Body) };
        request.Headers.Add(WebhookHeaders.IdempotencyKey, Uri.EscapeDataString(key ?? crmEvent.Id));
        var text = timestamp.ToString(CultureInfo.InvariantCulture);
        request.Headers.Add(WebhookHeaders.Timestamp, timestampText is null ? text : timestampText(text));
        request.Headers.Add(WebhookHeaders.Signature, WebhookSignature.Sign(secret, timestamp, crmEvent.Body.Span));
        return await Client.SendAsync(request);
    }

    public async Task PostAllAsync(Alert alert)
    {
        foreach (var crmEvent in CrmEventMapper.Map(alert))
        {
            using var response = await PostAsync(crmEvent);
            response.EnsureSuccessStatusCode();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}

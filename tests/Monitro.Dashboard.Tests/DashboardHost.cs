using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Monitro.Sources;

namespace Monitro.Dashboard.Tests;

/// <summary>
/// An ASP.NET Core application on 127.0.0.1 (a free port) with Monitro on a real SQLite file, the dashboard mounted at
/// <c>/monitro</c> behind the policy <c>MonitroAdmins</c> (role <c>admin</c>), and the seeded data.
/// </summary>
public class DashboardHost : IAsyncLifetime
{
    public const string Policy = "MonitroAdmins";

    private readonly string _folder = Directory.CreateTempSubdirectory("monitro-dashboard-").FullName;
    private readonly string? _defaultUser;
    private WebApplication? _app;

    public DashboardHost()
        : this(defaultUser: null)
    {
    }

    private protected DashboardHost(string? defaultUser) => _defaultUser = defaultUser;

    /// <summary>Gets the application's address.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Gets the application's services.</summary>
    public IServiceProvider Services => _app!.Services;

    /// <summary>Creates a client; <paramref name="user"/> (<c>name;role,role</c>) signs it in.</summary>
    public HttpClient Client(string? user = "ana;admin")
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Address };
        if (user is not null)
        {
            client.DefaultRequestHeaders.Add(HeaderAuthenticationHandler.Header, user);
        }

        return client;
    }

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(DashboardSeed.Now));
        builder.Services.AddAuthentication(HeaderAuthenticationHandler.SchemeName)
            .AddScheme<HeaderAuthenticationOptions, HeaderAuthenticationHandler>(HeaderAuthenticationHandler.SchemeName, options => options.DefaultUser = _defaultUser);
        builder.Services.AddAuthorization(options => options.AddPolicy(Policy, policy => policy.RequireRole("admin")));
        builder.Services.AddSingleton<ISourceHealthMonitor, FixedSourceHealth>();
        builder.Services.AddMonitro(options => options.RunInBackground = false)
            .UseSqlite(Path.Combine(_folder, "monitro.db"))
            .AddWatch(DashboardSeed.Acme)
            .AddWatch(DashboardSeed.Globex)
            .AddWatch(DashboardSeed.Launch);
        builder.Services.AddMonitroDashboard();

        _app = builder.Build();
        _app.UseAuthentication();
        _app.UseAuthorization();
        _app.MapMonitroDashboard("/monitro", options =>
        {
            options.AuthorizationPolicy = Policy;
            options.TimeZone = DashboardSeed.Zone;
            options.OverviewDays = DashboardSeed.Days;
            options.PageSize = 20;
        });
        // A page that breaks the dashboard's policy (an inline style), so the browser tests can show they would see a violation.
        _app.MapGet("/csp-probe", static (HttpContext context) =>
        {
            context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'self'";
            return Results.Content("<!DOCTYPE html><html><head><title>probe</title><link rel=\"icon\" href=\"data:,\"></head><body><p style=\"color:red\">inline</p></body></html>", "text/html");
        });
        await _app.StartAsync();
        Address = new Uri(_app.Urls.Single());
        await SeedAsync(_app.Services.GetRequiredService<IMonitroStore>());
    }

    /// <summary>Stores the data the pages show.</summary>
    private protected virtual Task SeedAsync(IMonitroStore store) => DashboardSeed.SeedAsync(store);

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Two sources: one healthy, one failing with markup in its error.</summary>
    private sealed class FixedSourceHealth : ISourceHealthMonitor
    {
        private static readonly SourceHealthStatus[] Statuses =
        [
            new("hn", DashboardSeed.Now.AddMinutes(-5), null, null, DashboardSeed.Now.AddMinutes(-5), 0, false, false),
            new("rss", DashboardSeed.Now.AddHours(-3), DashboardSeed.Now.AddMinutes(-2), "HttpRequestException: " + DashboardSeed.Injected, DashboardSeed.Now.AddHours(-3), 4, true, false),
        ];

        public IReadOnlyList<SourceHealthStatus> GetAll() => Statuses;

        public SourceHealthStatus? Find(string sourceName) => Statuses.FirstOrDefault(s => s.SourceName == sourceName);
    }
}

/// <summary>The same application for a browser, which sends no sign-in header: every request is the admin's.</summary>
public sealed class BrowserDashboardHost() : DashboardHost(defaultUser: "browser;admin");

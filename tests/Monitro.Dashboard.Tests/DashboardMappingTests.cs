using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Monitro.Dashboard.Tests;

/// <summary>Mapping the dashboard: refused without a named, registered policy, except the explicit opt-in in Development.</summary>
public sealed class DashboardMappingTests
{
    private static WebApplication Build(string environment, bool addDashboard = true)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddAuthorization(options => options.AddPolicy("MonitroAdmins", policy => policy.RequireRole("admin")));
        builder.Services.AddMonitro(options => options.RunInBackground = false);
        if (addDashboard)
        {
            builder.Services.AddMonitroDashboard();
        }

        return builder.Build();
    }

    [Fact]
    public async Task WithoutAPolicy_MappingIsRefused_NamingTheOption()
    {
        await using var app = Build(Environments.Production);
        var refused = Assert.Throws<InvalidOperationException>(() => app.MapMonitroDashboard("/monitro", _ => { }));
        Assert.Contains("options.AuthorizationPolicy", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task AnonymousInDevelopment_OutsideDevelopment_IsRefused(string environment)
    {
        await using var app = Build(environment);
        var refused = Assert.Throws<InvalidOperationException>(() => app.MapMonitroDashboard("/monitro", options => options.AllowAnonymousInDevelopment = true));
        Assert.Contains("only in the Development environment", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnonymousInDevelopment_InDevelopment_ServesThePagesWithoutSignIn()
    {
        await using var app = Build(Environments.Development);
        app.MapMonitroDashboard("/monitro", options => options.AllowAnonymousInDevelopment = true);
        await app.StartAsync();
        var address = new Uri(app.Urls.Single());
        using var client = new HttpClient { BaseAddress = address };

        var (page, _) = await DashboardPage.GetAsync(client, "/monitro/");
        Assert.Equal("No mentions in this period.", page.QuerySelector("#volume p.empty")!.TextContent);
        await app.StopAsync();
    }

    [Fact]
    public async Task APolicyThatIsNotRegistered_IsRefused()
    {
        await using var app = Build(Environments.Production);
        var refused = Assert.Throws<InvalidOperationException>(() => app.MapMonitroDashboard("/monitro", options => options.AuthorizationPolicy = "Admins"));
        Assert.Contains("'Admins', which is not registered", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOptionOutOfRange_IsRefused_NamingIt()
    {
        await using var app = Build(Environments.Production);
        var refused = Assert.Throws<OptionsValidationException>(() => app.MapMonitroDashboard("/monitro", options =>
        {
            options.AuthorizationPolicy = "MonitroAdmins";
            options.PageSize = 0;
        }));
        Assert.Contains("PageSize", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutItsServices_MappingSaysWhatToCall()
    {
        await using var app = Build(Environments.Production, addDashboard: false);
        var refused = Assert.Throws<InvalidOperationException>(() => app.MapMonitroDashboard("/monitro", options => options.AuthorizationPolicy = "MonitroAdmins"));
        Assert.Contains("AddMonitroDashboard()", refused.Message, StringComparison.Ordinal);
    }
}

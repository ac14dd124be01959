using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Monitro.Dashboard;
using Monitro.Dashboard.Endpoints;

namespace Monitro;

/// <summary>Mounts the Monitro dashboard in an ASP.NET Core application.</summary>
public static class MonitroDashboardEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the dashboard's pages under <paramref name="pathPrefix"/>, each requiring the authorization policy named in
    /// <see cref="MonitroDashboardOptions.AuthorizationPolicy"/>.
    /// </summary>
    /// <param name="endpoints">The application's endpoints.</param>
    /// <param name="pathPrefix">Where the dashboard lives, for example <c>/monitro</c>.</param>
    /// <param name="configure">Sets the options: at least the policy.</param>
    /// <returns>The group of the dashboard's endpoints, for further conventions.</returns>
    /// <exception cref="InvalidOperationException">
    /// No policy is named (and anonymous access in Development was not asked for, or the host does not run in
    /// Development), the named policy is not registered, or <c>AddMonitroDashboard</c> was not called.
    /// </exception>
    /// <exception cref="OptionsValidationException">An option is out of range.</exception>
    public static RouteGroupBuilder MapMonitroDashboard(this IEndpointRouteBuilder endpoints, string pathPrefix, Action<MonitroDashboardOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(pathPrefix);
        ArgumentNullException.ThrowIfNull(configure);

        var options = new MonitroDashboardOptions();
        configure(options);
        var validation = new MonitroDashboardOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(nameof(MonitroDashboardOptions), typeof(MonitroDashboardOptions), validation.Failures);
        }

        var services = endpoints.ServiceProvider;
        if (services.GetService<IAntiforgery>() is null)
        {
            throw new InvalidOperationException("The Monitro dashboard needs its services: call services.AddMonitroDashboard() when configuring the host.");
        }

        var group = endpoints.MapGroup(pathPrefix);
        if (!string.IsNullOrWhiteSpace(options.AuthorizationPolicy))
        {
            RequireRegisteredPolicy(services, options.AuthorizationPolicy);
            group.RequireAuthorization(options.AuthorizationPolicy);
        }
        else if (options.AllowAnonymousInDevelopment && services.GetService<IHostEnvironment>()?.IsDevelopment() == true)
        {
            group.AllowAnonymous();
        }
        else
        {
            throw new InvalidOperationException(options.AllowAnonymousInDevelopment
                ? "The Monitro dashboard allows anonymous access only in the Development environment; name an authorization policy (options.AuthorizationPolicy) for this one."
                : "The Monitro dashboard shows people's posts and relationships: name the authorization policy that protects it (options.AuthorizationPolicy = \"...\"), or set AllowAnonymousInDevelopment for local development.");
        }

        DashboardEndpoints.Map(group, new DashboardSettings(options, pathPrefix.TrimEnd('/')));
        return group;
    }

    private static void RequireRegisteredPolicy(IServiceProvider services, string policy)
    {
        // Only the default provider can be asked synchronously; a custom provider may build policies on demand.
        if (services.GetService<IAuthorizationPolicyProvider>() is DefaultAuthorizationPolicyProvider
            && services.GetService<IOptions<AuthorizationOptions>>()?.Value.GetPolicy(policy) is null)
        {
            throw new InvalidOperationException($"The Monitro dashboard requires the authorization policy '{policy}', which is not registered (services.AddAuthorization(o => o.AddPolicy(\"{policy}\", ...))).");
        }
    }
}

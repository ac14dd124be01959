using Microsoft.Extensions.DependencyInjection;

namespace Monitro;

/// <summary>Registers what the Monitro dashboard needs besides Monitro itself.</summary>
public static class MonitroDashboardServiceCollectionExtensions
{
    /// <summary>Adds the services of the dashboard: antiforgery, which protects its one form that changes something (re-drive).</summary>
    /// <param name="services">The application's services.</param>
    /// <returns>The same services, for chaining.</returns>
    public static IServiceCollection AddMonitroDashboard(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddAntiforgery();
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;

namespace Monitro.Dashboard.Endpoints;

/// <summary>Reads from the host what the pages show besides the store: the configured watches.</summary>
internal static class DashboardServices
{
    /// <summary>Gets the watches the pipeline matches now, by name.</summary>
    public static IEnumerable<Watch> Watches(DashboardRequest request)
    {
        var matcher = request.Context.RequestServices.GetService<MentionMonitor>()?.Matcher
            ?? request.Context.RequestServices.GetService<IMentionMatcher>();
        return matcher?.Watches.OrderBy(w => w.Name, StringComparer.Ordinal) ?? Enumerable.Empty<Watch>();
    }
}

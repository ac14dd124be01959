using Microsoft.Extensions.Logging;

namespace Monitro.Orleans.Matching;

/// <summary>Builds matchers from registry watches; a watch whose query does not compile is logged and left out, never stopping the rest.</summary>
internal static class TenantWatchLoader
{
    public static MentionMatcher Build(IEnumerable<TenantWatch> watches, Func<TenantWatch, Watch> indexAs, ILogger logger)
    {
        var valid = new List<Watch>();
        foreach (var watch in watches)
        {
            try
            {
                MonitroQuery.Validate(watch.Watch.Query);
                valid.Add(indexAs(watch));
            }
            catch (QuerySyntaxException exception)
            {
                logger.WatchSkipped(watch.TenantId, watch.Watch.Name, exception.Message);
            }
        }

        return new MentionMatcher(valid);
    }
}

using System.Globalization;

namespace Monitro.Alerting.State;

/// <summary>The scopes of the durable alerting state rows: one place that names them and reads them back.</summary>
internal static class AlertStateScopes
{
    /// <summary>The prefix of the scopes of open digest windows, whose rows name the window's mentions.</summary>
    public const string Digest = "digest|";

    /// <summary>
    /// The prefix of the scopes of spike series, whose rows hold the counts and the cool-down: one row saved by the
    /// batches (<see cref="Single"/>) and one by the scheduler's checks (<see cref="SavedByCheck"/>), since the two commit
    /// concurrently and neither may overwrite the other's later state; a restart takes the row of the higher revision.
    /// </summary>
    public const string Spike = "spike|";

    /// <summary>The prefix of the scopes of spike windows, whose rows name the window's mentions; one scope per window, so clearing an ended window never touches the next.</summary>
    public const string SpikeWindow = "spike-window|";

    /// <summary>The prefix of the scopes that say since when a spike rule has counted.</summary>
    public const string SpikeRule = "spike-rule|";

    /// <summary>The prefix of the scopes of identity links: <c>link|identity</c>, whose rows' items are the linked identities.</summary>
    public const string Link = "link|";

    /// <summary>The scope of the identities claiming a verified domain: items are domains.</summary>
    public const string VerifiedDomain = "verified-domain";

    /// <summary>The scope of the relationship snapshots: items are person ids (see <c>Relationships.PersonSnapshot</c>).</summary>
    public const string RelationshipSnapshot = "relationship-snapshot";

    /// <summary>The item of a row that is the only one of its scope (and of a spike series' row saved by the batches).</summary>
    public const string Single = "state";

    /// <summary>The item of a spike series' row saved by the scheduler's checks.</summary>
    public const string SavedByCheck = "check";

    public static string DigestWindow(string rule, DateTimeOffset start) =>
        string.Concat(Digest, rule, "|", start.ToString("O", CultureInfo.InvariantCulture));

    public static string SpikeSeries(string rule, string watch) => string.Concat(Spike, rule, "|", watch);

    public static string SpikeWindowOf(string rule, string watch, long bucket) =>
        string.Concat(SpikeWindow, rule, "|", watch, "|", bucket.ToString(CultureInfo.InvariantCulture));

    public static string SpikeRuleOf(string rule) => SpikeRule + rule;

    public static string LinkOf(string identity) => Link + identity;

    /// <summary>Reads a digest window scope back into its rule and window start (the start holds no <c>|</c>; a rule name may).</summary>
    public static bool TryReadDigestWindow(string scope, out string rule, out DateTimeOffset start)
    {
        rule = "";
        start = default;
        var separator = scope.LastIndexOf('|');
        if (!scope.StartsWith(Digest, StringComparison.Ordinal) || separator < Digest.Length)
        {
            return false;
        }

        rule = scope[Digest.Length..separator];
        return DateTimeOffset.TryParseExact(scope[(separator + 1)..], "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out start);
    }
}

using System.Globalization;
using Microsoft.AspNetCore.Http;
using Monitro.Dashboard.Charts;
using Monitro.Dashboard.Endpoints;
using Monitro.Dashboard.Rendering;

namespace Monitro.Dashboard.Pages;

/// <summary>The overview: mentions per day by watch with spikes marked, the sentiment trend and share of voice.</summary>
internal static class OverviewPage
{
    private const int Width = 760;
    private const int Height = 260;

    public static async Task<IResult> RenderAsync(DashboardRequest request)
    {
        var insights = request.Require<IMonitroInsights>();
        var zone = request.Options.TimeZone;
        var now = request.Clock.GetUtcNow();
        var boundaries = InsightBuckets.Boundaries(new InsightPeriod(now.AddDays(-(request.Options.OverviewDays - 1)), now), InsightGranularity.Day, zone);
        var period = new InsightPeriod(boundaries[0], boundaries[^1]);
        var starts = boundaries.Take(boundaries.Count - 1).ToList();
        var index = starts.Select((start, i) => (start.UtcTicks, i)).ToDictionary(p => p.UtcTicks, p => p.i);

        var byWatch = await insights.GetVolumeAsync(new VolumeQuery { Period = period, TimeZone = zone, GroupBy = InsightGrouping.Watch }, request.Aborted).ConfigureAwait(false);
        var overall = await insights.GetVolumeAsync(new VolumeQuery { Period = period, TimeZone = zone }, request.Aborted).ConfigureAwait(false);
        var shares = await insights.GetShareOfVoiceAsync(period, cancellationToken: request.Aborted).ConfigureAwait(false);

        var series = byWatch.GroupBy(b => b.Group, StringComparer.Ordinal)
            .Select(g =>
            {
                var counts = new int[starts.Count];
                foreach (var bucket in g)
                {
                    counts[index[bucket.Start.UtcTicks]] += bucket.Mentions;
                }

                return (Name: g.Key, Counts: counts);
            })
            .OrderByDescending(s => s.Counts.Sum()).ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
        var spikes = await SpikesAsync(request, period, series.Select(s => s.Name), index).ConfigureAwait(false);

        var means = new double?[starts.Count];
        foreach (var bucket in overall)
        {
            means[index[bucket.Start.UtcTicks]] = bucket.MeanSentiment;
        }

        var html = new Html();
        html.Markup("<p class=\"summary\">").Text(string.Create(CultureInfo.InvariantCulture, $"{series.Sum(s => s.Counts.Sum()):N0} mentions in the last {starts.Count} days ({zone.Id})")).Markup("</p>");

        html.Markup("<figure id=\"volume\"><figcaption>Mentions per day by watch; ▲ marks a spike</figcaption>");
        if (series.Count == 0)
        {
            html.Markup("<p class=\"empty\">No mentions in this period.</p>");
        }
        else
        {
            html.Markup(SvgChart.Render(OverviewCharts.Volume(starts, series, [.. spikes.Select(s => (s.Bucket, s.Spike.Observed))]), "volume-chart", "Mentions per day by watch", Width, Height));
            Legend(html, series.Select(s => s.Name));
            DataTable(html, request, starts, series);
        }

        html.Markup("</figure>");

        html.Markup("<figure id=\"sentiment\"><figcaption>Mean sentiment per day (−1 to +1)</figcaption>");
        if (means.All(m => m is null))
        {
            html.Markup("<p class=\"empty\">No analysed mentions in this period.</p>");
        }
        else
        {
            html.Markup(SvgChart.Render(OverviewCharts.Sentiment(starts, means), "sentiment-chart", "Mean sentiment per day", Width, Height));
        }

        html.Markup("</figure>");

        html.Markup("<figure id=\"share-of-voice\"><figcaption>Share of voice: Brand against Competitor watches</figcaption>");
        if (shares.Count == 0)
        {
            html.Markup("<p class=\"empty\">No Brand or Competitor mentions in this period.</p>");
        }
        else
        {
            html.Markup(SvgChart.Render(OverviewCharts.ShareOfVoice(shares), "share-chart", "Share of voice", Width, 60 + (40 * shares.Count)));
            html.Markup("<table class=\"data\"><thead><tr><th>side</th><th>mentions</th><th>share</th></tr></thead><tbody>");
            foreach (var share in shares)
            {
                html.Markup("<tr>").Element("td", share.Key).Markup("<td class=\"num\">").Number(share.Mentions, "N0").Markup("</td><td class=\"num\">").Number(share.Share, "P1").Markup("</td></tr>");
            }

            html.Markup("</tbody></table>");
        }

        html.Markup("</figure>");

        html.Markup("<section id=\"spikes\"><h2>Spikes</h2>");
        if (spikes.Count == 0)
        {
            html.Markup("<p class=\"empty\">No spikes in this period.</p>");
        }
        else
        {
            html.Markup("<ul>");
            foreach (var (watch, _, spike) in spikes)
            {
                html.Markup("<li>").Element("strong", watch).Text(string.Create(CultureInfo.InvariantCulture, $" on {request.FormatTime(spike.WindowStart)}: {spike.Observed:0.##} {spike.Metric} against a baseline of {spike.BaselineMean:0.##} ± {spike.BaselineStandardDeviation:0.##}"));
                if (spike.Summary.TopTerms.Count > 0)
                {
                    html.Text("; driven by ");
                    var first = true;
                    foreach (var term in spike.Summary.TopTerms.Take(5))
                    {
                        html.Text(first ? null : ", ").Isolated(term.Key);
                        first = false;
                    }
                }

                html.Markup("</li>");
            }

            html.Markup("</ul>");
        }

        html.Markup("</section>");
        return request.Render("overview", "Overview", html);
    }

    // Spikes of each configured watch with mentions in the period, per day against the week before.
    private static async Task<List<(string Watch, int Bucket, AlertSpike Spike)>> SpikesAsync(DashboardRequest request, InsightPeriod period, IEnumerable<string> watchNames, Dictionary<long, int> index)
    {
        var watches = DashboardServices.Watches(request).ToDictionary(w => w.Name, StringComparer.Ordinal);
        var engine = new MentionInsights(request.Require<IMonitroInsights>(), request.Require<IMonitroQueries>());
        var found = new List<(string, int, AlertSpike)>();
        foreach (var name in watchNames)
        {
            if (!watches.TryGetValue(name, out var watch))
            {
                continue;
            }

            var spikes = await engine.GetSpikesAsync(new SpikeQuery { Watch = watch, Period = period, Granularity = InsightGranularity.Day, TimeZone = request.Options.TimeZone, BaselineBuckets = 7, Top = 5 }, request.Aborted).ConfigureAwait(false);
            foreach (var spike in spikes.Where(s => s.Metric == "volume"))
            {
                if (index.TryGetValue(spike.WindowStart.UtcTicks, out var bucket))
                {
                    found.Add((name, bucket, spike));
                }
            }
        }

        return found;
    }

    private static void Legend(Html html, IEnumerable<string> names)
    {
        html.Markup("<ul class=\"legend\">");
        var i = 0;
        foreach (var name in names)
        {
            html.Markup("<li><svg width=\"12\" height=\"12\" aria-hidden=\"true\"><rect width=\"12\" height=\"12\"").Attribute("fill", ChartPalette.HexOf(i++)).Markup("/></svg>").Isolated(name).Markup("</li>");
        }

        html.Markup("</ul>");
    }

    private static void DataTable(Html html, DashboardRequest request, List<DateTimeOffset> starts, IReadOnlyList<(string Name, int[] Counts)> series)
    {
        html.Markup("<details><summary>Data</summary><table class=\"data\"><thead><tr><th>day</th>");
        foreach (var (name, _) in series)
        {
            html.Element("th", name);
        }

        html.Markup("</tr></thead><tbody>");
        for (var b = 0; b < starts.Count; b++)
        {
            html.Markup("<tr>").Element("td", request.FormatTime(starts[b])[..10]);
            foreach (var (_, counts) in series)
            {
                html.Markup("<td class=\"num\">").Number(counts[b], "0").Markup("</td>");
            }

            html.Markup("</tr>");
        }

        html.Markup("</tbody></table></details>");
    }
}

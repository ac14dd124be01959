using System.Globalization;
using System.Text;
using ScottPlot;
using Monitro.Samples.Crm.Views;

namespace Monitro.Samples.Crm.Pages;

/// <summary>
/// The contact's chart: their posts and our replies per day as bars, and the tone of their posts as points on a
/// -1..+1 axis. Drawn on the server by ScottPlot as SVG, placed inline: no script, no inline style (presentation
/// attributes only), so it passes the app's Content-Security-Policy; only dates and numbers are drawn, and a table
/// beside it gives the same figures as text.
/// </summary>
public static class ContactChart
{
    /// <summary>The fill of their posts' bars.</summary>
    public const string InboundColor = "#0B5CAD";

    /// <summary>The fill of our replies' bars.</summary>
    public const string OutboundColor = "#1A7F37";

    /// <summary>The colour of the tone points.</summary>
    public const string ToneColor = "#B42318";

    private const int Width = 720;
    private const int Height = 260;

    /// <summary>Appends the chart and its table; a note instead when there is nothing to draw.</summary>
    public static void Render(StringBuilder html, IReadOnlyList<ActivityBucket> buckets)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(buckets);
        html.Append("<section id=\"activity\"><h2>Interactions and tone, last ")
            .Append(ContactActivity.Span.Days.ToString(CultureInfo.InvariantCulture)).Append(" days</h2>");
        var active = buckets.Where(bucket => bucket.Inbound + bucket.Outbound > 0).ToList();
        if (active.Count == 0)
        {
            html.Append("<p class=\"none\">No interactions in that time.</p></section>");
            return;
        }

        html.Append("<figure id=\"activity-chart\">").Append(Svg(buckets))
            .Append("<figcaption>Bars: their posts (blue) and our replies (green) per day (UTC). Points: the mean tone of their posts that day, −1 to +1 (right axis).</figcaption></figure>");
        html.Append("<table class=\"activity\" id=\"activity-data\"><thead><tr><th>day</th><th>their posts</th><th>our replies</th><th>tone</th></tr></thead><tbody>");
        foreach (var bucket in active)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td><time>{bucket.Start:yyyy-MM-dd}</time></td><td class=\"num inbound\">{bucket.Inbound}</td><td class=\"num outbound\">{bucket.Outbound}</td><td class=\"num tone\">")
                .Append(bucket.MeanTone is { } tone ? tone.ToString("+0.00;−0.00;0.00", CultureInfo.InvariantCulture) : "–").Append("</td></tr>");
        }

        html.Append("</tbody></table></section>");
    }

    private static string Svg(IReadOnlyList<ActivityBucket> buckets)
    {
        var plot = new Plot();
        var bars = new List<Bar>();
        foreach (var bucket in buckets)
        {
            var day = bucket.Start.UtcDateTime.ToOADate() + 0.5;
            if (bucket.Inbound > 0)
            {
                bars.Add(new Bar { Position = day - 0.2, Value = bucket.Inbound, Size = 0.4, FillColor = Color.FromHex(InboundColor), LineWidth = 0 });
            }

            if (bucket.Outbound > 0)
            {
                bars.Add(new Bar { Position = day + 0.2, Value = bucket.Outbound, Size = 0.4, FillColor = Color.FromHex(OutboundColor), LineWidth = 0 });
            }
        }

        plot.Add.Bars(bars);
        var toned = buckets.Where(bucket => bucket.MeanTone is not null).ToList();
        if (toned.Count > 0)
        {
            var tone = plot.Add.ScatterPoints(
                toned.Select(bucket => bucket.Start.UtcDateTime.ToOADate() + 0.5).ToArray(),
                toned.Select(bucket => bucket.MeanTone!.Value).ToArray());
            tone.Color = Color.FromHex(ToneColor);
            tone.MarkerSize = 8;
            tone.Axes.YAxis = plot.Axes.Right;
        }

        plot.Axes.DateTimeTicksBottom();
        plot.Axes.SetLimitsX(buckets[0].Start.UtcDateTime.ToOADate(), buckets[^1].Start.UtcDateTime.ToOADate() + 1);
        plot.Axes.SetLimitsY(0, Math.Max(1, buckets.Max(bucket => Math.Max(bucket.Inbound, bucket.Outbound))) * 1.1, plot.Axes.Left);
        plot.Axes.SetLimitsY(-1.05, 1.05, plot.Axes.Right);
        plot.Axes.Left.Label.Text = "interactions";
        plot.Axes.Right.Label.Text = "tone";
        var svg = plot.GetSvgXml(Width, Height);

        // Inline in the page: without the XML declaration, scaled by the stylesheet through its view box.
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return string.Create(CultureInfo.InvariantCulture, $"<svg viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"Interactions and tone per day\"")
            + svg[(start + "<svg".Length)..];
    }
}

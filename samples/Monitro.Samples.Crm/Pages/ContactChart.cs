using System.Globalization;
using System.Text;
using Monitro.Dashboard;
using Monitro.Samples.Crm.Views;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace Monitro.Samples.Crm.Pages;

/// <summary>
/// The contact's chart: their posts and our replies per day as bars, and the tone of their posts as points on a
/// -1..+1 axis. Drawn on the server by OxyPlot, the dashboard's chart library, as SVG through the dashboard's
/// <see cref="SvgChart"/> and placed inline: no script, no inline style (presentation attributes only), so it passes
/// the app's Content-Security-Policy; only dates and numbers are drawn, and a table
/// beside it gives the same figures as text.
/// </summary>
public static class ContactChart
{
    /// <summary>The fill of their posts' bars.</summary>
    public const string InboundColor = "#0b5cad";

    /// <summary>The fill of our replies' bars.</summary>
    public const string OutboundColor = "#1a7f37";

    /// <summary>The colour of the tone points.</summary>
    public const string ToneColor = "#b42318";

    /// <summary>The tone axis runs from minus this to plus this, a little beyond −1..+1 so points at the ends show whole.</summary>
    public const double ToneAxisLimit = 1.05;

    private const string CountAxis = "count";
    private const string ToneAxis = "tone";
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
        var model = new PlotModel { PlotAreaBorderThickness = new OxyThickness(0, 0, 0, 1) };
        model.Axes.Add(new DateTimeAxis
        {
            Position = AxisPosition.Bottom,
            StringFormat = "MMM dd",
            Minimum = Day(buckets[0]),
            Maximum = Day(buckets[^1]) + 1,
        });

        // Fixed ranges, no padding: a bar's height and a point's place on the drawing are its value on the axis.
        model.Axes.Add(new LinearAxis
        {
            Position = AxisPosition.Left,
            Key = CountAxis,
            Title = "interactions",
            Minimum = 0,
            Maximum = Math.Max(1, buckets.Max(bucket => Math.Max(bucket.Inbound, bucket.Outbound))) * 1.1,
            MinimumPadding = 0,
            MaximumPadding = 0,
            MajorGridlineStyle = LineStyle.Dot,
        });
        model.Axes.Add(new LinearAxis
        {
            Position = AxisPosition.Right,
            Key = ToneAxis,
            Title = "tone",
            Minimum = -ToneAxisLimit,
            Maximum = ToneAxisLimit,
            MinimumPadding = 0,
            MaximumPadding = 0,
        });

        var inbound = Bars(InboundColor);
        var outbound = Bars(OutboundColor);
        var tone = new ScatterSeries { YAxisKey = ToneAxis, MarkerType = MarkerType.Circle, MarkerSize = 4, MarkerFill = OxyColor.Parse(ToneColor) };
        foreach (var bucket in buckets)
        {
            var day = Day(bucket);
            if (bucket.Inbound > 0)
            {
                inbound.Items.Add(new RectangleBarItem(day + 0.1, 0, day + 0.5, bucket.Inbound));
            }

            if (bucket.Outbound > 0)
            {
                outbound.Items.Add(new RectangleBarItem(day + 0.5, 0, day + 0.9, bucket.Outbound));
            }

            if (bucket.MeanTone is { } mean)
            {
                tone.Points.Add(new ScatterPoint(day + 0.5, mean));
            }
        }

        model.Series.Add(inbound);
        model.Series.Add(outbound);
        model.Series.Add(tone);
        return SvgChart.Render(model, "activity-svg", "Interactions and tone per day", Width, Height);
    }

    private static RectangleBarSeries Bars(string color) =>
        new() { YAxisKey = CountAxis, FillColor = OxyColor.Parse(color), StrokeThickness = 0 };

    // The day's start on the time axis (UTC, as the buckets).
    private static double Day(ActivityBucket bucket) => DateTimeAxis.ToDouble(bucket.Start.UtcDateTime);
}

using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace Monitro.Dashboard.Charts;

/// <summary>The overview's plot models: volume by watch with spikes marked, the sentiment trend, and share of voice.</summary>
internal static class OverviewCharts
{
    /// <summary>One line per watch through every bucket (empty ones at zero), one circle per bucket, and a triangle on each spike.</summary>
    /// <param name="starts">The buckets' starts on the dashboard's clock.</param>
    /// <param name="series">The mentions per bucket of each watch, in legend order.</param>
    /// <param name="spikes">The spikes: the bucket index and the mentions observed.</param>
    public static PlotModel Volume(IReadOnlyList<DateTimeOffset> starts, IReadOnlyList<(string Name, int[] Counts)> series, IReadOnlyList<(int Bucket, double Observed)> spikes)
    {
        var model = TimeModel(starts, "mentions");
        for (var i = 0; i < series.Count; i++)
        {
            var line = new LineSeries { Title = series[i].Name, Color = ChartPalette.Of(i), MarkerType = MarkerType.Circle, MarkerSize = 3, MarkerFill = ChartPalette.Of(i) };
            for (var b = 0; b < starts.Count; b++)
            {
                line.Points.Add(new DataPoint(X(starts[b]), series[i].Counts[b]));
            }

            model.Series.Add(line);
        }

        if (spikes.Count > 0)
        {
            var marks = new ScatterSeries { Title = "spike", MarkerType = MarkerType.Triangle, MarkerSize = 7, MarkerFill = ChartPalette.Spike };
            foreach (var (bucket, observed) in spikes)
            {
                marks.Points.Add(new ScatterPoint(X(starts[bucket]), observed));
            }

            model.Series.Add(marks);
        }

        return model;
    }

    /// <summary>The mean sentiment (−1..+1) of the buckets that have one, one circle each.</summary>
    public static PlotModel Sentiment(IReadOnlyList<DateTimeOffset> starts, IReadOnlyList<double?> means)
    {
        var model = TimeModel(starts, "mean sentiment");
        model.Axes[1].Minimum = -1;
        model.Axes[1].Maximum = 1;
        var line = new LineSeries { Title = "sentiment", Color = ChartPalette.Of(0), MarkerType = MarkerType.Circle, MarkerSize = 3, MarkerFill = ChartPalette.Of(0) };
        for (var b = 0; b < starts.Count; b++)
        {
            line.Points.Add(means[b] is { } mean ? new DataPoint(X(starts[b]), mean) : DataPoint.Undefined);
        }

        model.Series.Add(line);
        return model;
    }

    /// <summary>One horizontal bar per side or watch, its share in percent.</summary>
    public static PlotModel ShareOfVoice(IReadOnlyList<VoiceShare> shares)
    {
        var model = new PlotModel { PlotAreaBorderThickness = new OxyThickness(0) };
        var categories = new CategoryAxis { Position = AxisPosition.Left, IsZoomEnabled = false };
        foreach (var share in shares)
        {
            categories.Labels.Add(share.Key);
        }

        model.Axes.Add(categories);
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Bottom, Minimum = 0, Maximum = 100, Title = "% of mentions", MajorGridlineStyle = LineStyle.Dot });
        var bars = new BarSeries { FillColor = ChartPalette.Of(0), StrokeThickness = 0 };
        foreach (var share in shares)
        {
            bars.Items.Add(new BarItem(share.Share * 100));
        }

        model.Series.Add(bars);
        return model;
    }

    private static PlotModel TimeModel(IReadOnlyList<DateTimeOffset> starts, string valueTitle)
    {
        var model = new PlotModel { PlotAreaBorderThickness = new OxyThickness(0, 0, 0, 1) };
        var span = starts.Count > 1 ? starts[^1] - starts[0] : TimeSpan.FromDays(1);
        model.Axes.Add(new DateTimeAxis
        {
            Position = AxisPosition.Bottom,
            StringFormat = span > TimeSpan.FromDays(2) ? "MMM dd" : "HH:mm",
            Minimum = X(starts[0]) - 0.5,
            Maximum = X(starts[^1]) + 0.5,
        });
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Left, Minimum = 0, Title = valueTitle, MajorGridlineStyle = LineStyle.Dot, MinimumPadding = 0, MaximumPadding = 0.1 });
        return model;
    }

    // The local clock of the bucket, so the axis shows the dashboard's time zone.
    private static double X(DateTimeOffset start) => DateTimeAxis.ToDouble(start.DateTime);
}

using System.Globalization;
using System.Text;
using Monitro.Samples.Crm.Views;

namespace Monitro.Samples.Crm.Pages;

/// <summary>What Monitro raised besides mentions: daily digests, spikes and relationship changes.</summary>
public static class AlertsPage
{
    /// <summary>Renders the alerts page.</summary>
    public static string Render(IReadOnlyList<AlertView> digests, IReadOnlyList<AlertView> spikes, IReadOnlyList<AlertView> relationships)
    {
        var html = new StringBuilder("<h1>Digests, spikes and alerts</h1>");
        Section(html, "digests", "Digests", digests, "No digest yet: a digest comes when its day is over.");
        Section(html, "spikes", "Spikes", spikes, "No spike: no watch had unusually many (or unusually negative) mentions.");
        Section(html, "relationships", "Relationship changes", relationships, "No relationship change yet.");
        return PageLayout.Render("Digests, spikes and alerts", "/alerts", html);
    }

    private static void Section(StringBuilder html, string id, string heading, IReadOnlyList<AlertView> alerts, string none)
    {
        html.Append(CultureInfo.InvariantCulture, $"<section id=\"{id}\"><h2>{heading} <span class=\"count\">({alerts.Count:N0})</span></h2>");
        if (alerts.Count == 0)
        {
            html.Append("<p class=\"none\">").Append(none).Append("</p></section>");
            return;
        }

        html.Append("<ul class=\"alerts\">");
        foreach (var alert in alerts)
        {
            html.Append("<li data-kind=\"").Append(PageLayout.Encode(alert.Kind)).Append("\"><time>").Append(PageLayout.Encode(alert.Time)).Append("</time> ")
                .Append(PageLayout.Encode(alert.Title)).Append("</li>");
        }

        html.Append("</ul></section>");
    }
}

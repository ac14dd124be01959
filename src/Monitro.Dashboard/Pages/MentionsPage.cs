using System.Globalization;
using Microsoft.AspNetCore.Http;
using Monitro.Dashboard.Endpoints;
using Monitro.Dashboard.Rendering;

namespace Monitro.Dashboard.Pages;

/// <summary>The mention stream, newest first: each post with its matched spans highlighted and its signals.</summary>
internal static class MentionsPage
{
    public static async Task<IResult> RenderAsync(DashboardRequest request)
    {
        var watch = request.Query("watch");
        var page = await request.Require<IMonitroQueries>().GetMentionsAsync(new MentionQuery { WatchName = watch, Page = request.ListPage }, request.Aborted).ConfigureAwait(false);

        var html = new Html();
        html.Markup("<form method=\"get\" class=\"filter\"><label for=\"watch\">Watch</label> <select id=\"watch\" name=\"watch\"><option value=\"\">all watches</option>");
        foreach (var known in DashboardServices.Watches(request))
        {
            html.Markup("<option").Attribute("value", known.Name).Markup(string.Equals(known.Name, watch, StringComparison.Ordinal) ? " selected>" : ">").Text(known.Name).Markup("</option>");
        }

        html.Markup("</select> <button type=\"submit\">Show</button></form>");
        if (page.Items.Count == 0)
        {
            html.Markup("<p class=\"empty\">No mentions.</p>");
        }

        html.Markup("<ol class=\"stream\">");
        foreach (var mention in page.Items)
        {
            var post = mention.Post;
            html.Markup("<li class=\"mention\"").Attribute("data-mention-id", mention.Id).Markup("><header>")
                .Element("span", post.Author.DisplayName ?? post.Author.Handle, "author")
                .Element("span", post.Author.Platform + " @" + post.Author.Handle, "handle")
                .Element("time", request.FormatTime(post.CreatedAt))
                .Element("span", mention.Watch.Name, "tag")
                .Markup("</header><p class=\"text\" dir=\"auto\">");
            Highlight.Append(html, post.Text, mention.Spans);
            html.Markup("</p>");
            Signals(html, mention.Signals);
            html.Markup("</li>");
        }

        html.Markup("</ol>");
        PageLayout.Pager(html, request.BasePath + "/mentions?" + (watch is null ? string.Empty : "watch=" + Uri.EscapeDataString(watch) + "&"), request.Query("page") is null, page.ContinuationToken);
        return request.Render("mentions", "Mentions", html);
    }

    private static void Signals(Html html, MentionSignals? signals)
    {
        html.Markup("<p class=\"signals\">");
        if (signals is null)
        {
            html.Element("span", "not analysed", "signal");
        }
        else
        {
            var label = signals.Sentiment.Label.ToString().ToLowerInvariant();
            html.Element("span", string.Create(CultureInfo.InvariantCulture, $"{label} {signals.Sentiment.Compound:+0.00;-0.00;0.00}"), "signal sentiment " + label);
            foreach (var intent in signals.Intents)
            {
                html.Markup("<span class=\"signal intent\"").Attribute("title", "“" + intent.Phrase + "”").Markup(">").Text(intent.Label.ToString()).Markup("</span>");
            }

            if (signals.NeedsResponse)
            {
                html.Element("span", "needs an answer", "signal needs-response");
            }
        }

        html.Markup("</p>");
    }
}

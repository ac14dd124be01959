using System.Globalization;
using Microsoft.AspNetCore.Http;
using Monitro.Dashboard.Endpoints;
using Monitro.Dashboard.Rendering;

namespace Monitro.Dashboard.Pages;

/// <summary>
/// The configured watches, and a preview of a draft query over the newest stored posts: its hits with their matches
/// highlighted, posts it does not match, and for a chosen post the clause tree that says why it matched or not.
/// </summary>
internal static class WatchesPage
{
    private const int NonMatchesShown = 10;

    public static async Task<IResult> RenderAsync(DashboardRequest request)
    {
        var draft = request.Query("q");
        DateTimeOffset? postTime = null;
        if (request.Query("at") is { } at)
        {
            if (!TryReadPostTime(at, out var instant))
            {
                return DashboardRequest.BadParameter("at", "must be a post's creation time in Unix milliseconds");
            }

            postTime = instant;
        }

        var html = new Html();
        html.Markup("<table id=\"watches\"><thead><tr><th>watch</th><th>category</th><th>query</th><th></th></tr></thead><tbody>");
        foreach (var watch in DashboardServices.Watches(request))
        {
            html.Markup("<tr>").Element("td", watch.Name).Element("td", watch.Category.ToString()).Markup("<td><code dir=\"auto\">").Text(watch.Query).Markup("</code></td><td>")
                .Link(PreviewUrl(request, watch.Query), "Preview").Markup("</td></tr>");
        }

        html.Markup("</tbody></table>");
        html.Markup("<h2>Preview a draft</h2><form method=\"get\" class=\"preview\"><label for=\"q\">Query</label> <input id=\"q\" name=\"q\" size=\"60\"")
            .Attribute("value", draft).Markup("> <button type=\"submit\">Preview</button></form>");
        if (draft is not null)
        {
            await PreviewAsync(request, html, draft, postTime).ConfigureAwait(false);
        }

        return request.Render("watches-page", "Watches", html);
    }

    // A post's time as the explanation links write it; the millisecond after it must be a time too (it ends the read).
    private static bool TryReadPostTime(string text, out DateTimeOffset instant)
    {
        instant = default;
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var milliseconds)
            || milliseconds < DateTimeOffset.MinValue.ToUnixTimeMilliseconds() || milliseconds >= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            return false;
        }

        instant = DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        return true;
    }

    private static async Task PreviewAsync(DashboardRequest request, Html html, string draft, DateTimeOffset? postTime)
    {
        var posts = request.Require<IStoredPosts>();
        if (request.Query("post") is { } postId && postTime is { } createdAt)
        {
            await ExplainAsync(request, html, posts, draft, postId, createdAt).ConfigureAwait(false);
        }

        PreviewResult result;
        try
        {
            result = await new WatchPreview(posts).RunAsync(new Watch { Name = "draft", Query = draft }, new PreviewScope { MaxPosts = request.Options.PreviewPosts, MaxHits = request.Options.PageSize }, request.Aborted).ConfigureAwait(false);
        }
        catch (QuerySyntaxException exception)
        {
            html.Markup("<p class=\"error\" role=\"alert\">").Text(exception.Message).Markup("</p>");
            return;
        }

        html.Markup("<section id=\"hits\"><h3>").Text(string.Create(CultureInfo.InvariantCulture, $"{result.Hits.Count}{(result.Truncated ? "+" : string.Empty)} hits in the newest {result.Scanned:N0} stored posts")).Markup("</h3><ol class=\"stream\">");
        foreach (var hit in result.Hits)
        {
            PostItem(request, html, hit.Post, hit.Spans, draft, "Why it matched");
        }

        html.Markup("</ol></section>");

        var hitIds = result.Hits.Select(h => h.Post.Id).ToHashSet(StringComparer.Ordinal);
        var recent = await posts.GetPostsAsync(new StoredPostQuery { NewestFirst = true, Limit = NonMatchesShown + hitIds.Count }, request.Aborted).ConfigureAwait(false);
        html.Markup("<section id=\"misses\"><h3>Recent posts it does not match</h3><ol class=\"stream\">");
        foreach (var post in recent.Where(p => !hitIds.Contains(p.Id)).Take(NonMatchesShown))
        {
            PostItem(request, html, post, [], draft, "Why not");
        }

        html.Markup("</ol></section>");
    }

    private static void PostItem(DashboardRequest request, Html html, Post post, IReadOnlyList<MatchSpan> spans, string draft, string explain)
    {
        html.Markup("<li class=\"post\"").Attribute("data-post-id", post.Id).Markup("><header>")
            .Element("span", post.Author.Platform + " @" + post.Author.Handle, "handle")
            .Element("time", request.FormatTime(post.CreatedAt))
            .Markup("</header><p class=\"text\" dir=\"auto\">");
        Highlight.Append(html, post.Text, spans);
        html.Markup("</p>").Link(PreviewUrl(request, draft) + "&post=" + Uri.EscapeDataString(post.Id) + "&at=" + post.CreatedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), explain).Markup("</li>");
    }

    private static async Task ExplainAsync(DashboardRequest request, Html html, IStoredPosts posts, string draft, string postId, DateTimeOffset createdAt)
    {
        // Posts are read by creation time; the millisecond of the chosen one holds it.
        var candidates = await posts.GetPostsAsync(new StoredPostQuery { From = createdAt, Until = createdAt.AddMilliseconds(1), Limit = StoredPostQuery.MaxLimit }, request.Aborted).ConfigureAwait(false);
        html.Markup("<section id=\"why\"><h3>Why or why not</h3>");
        if (candidates.FirstOrDefault(p => string.Equals(p.Id, postId, StringComparison.Ordinal)) is not { } post)
        {
            html.Markup("<p class=\"empty\">That post is not stored.</p></section>");
            return;
        }

        ClauseExplanation why;
        try
        {
            why = WatchPreview.Explain(draft, post);
        }
        catch (QuerySyntaxException)
        {
            html.Markup("</section>");
            return;
        }

        html.Markup("<blockquote class=\"text\" dir=\"auto\">");
        Highlight.Append(html, post.Text, Collect(why));
        html.Markup("</blockquote><p class=\"verdict\">").Text(why.Matched ? "The draft matches this post." : "The draft does not match this post.").Markup("</p><ul class=\"why\">");
        Clause(html, why);
        html.Markup("</ul></section>");
    }

    private static void Clause(Html html, ClauseExplanation clause)
    {
        html.Markup("<li").Attribute("class", clause.Matched ? "clause matched" : "clause failed").Attribute("data-kind", clause.Kind.ToString()).Markup(">")
            .Element("span", clause.Matched ? "✓" : "✗", "mark")
            .Element("span", clause.Kind.ToString(), "kind")
            .Markup(" <code dir=\"auto\">").Text(clause.Clause).Markup("</code>");
        if (clause.Found.Count > 0)
        {
            html.Element("span", "found: " + string.Join(", ", clause.Found), "found");
        }

        if (clause.Children.Count > 0)
        {
            html.Markup("<ul>");
            foreach (var child in clause.Children)
            {
                Clause(html, child);
            }

            html.Markup("</ul>");
        }

        html.Markup("</li>");
    }

    private static IEnumerable<MatchSpan> Collect(ClauseExplanation clause) => clause.Spans.Concat(clause.Children.SelectMany(Collect));

    private static string PreviewUrl(DashboardRequest request, string query) => request.BasePath + "/watches?q=" + Uri.EscapeDataString(query);
}

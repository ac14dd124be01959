using System.Globalization;
using Monitro.Sources.Shared;

namespace Monitro.Sources.Tests.Rss.Conformance;

/// <summary>
/// Decides whether the posts read from a test feed satisfy a <see cref="FeedCheck"/>. feedparser keeps HTML (sanitized)
/// where Monitro keeps plain text, so an expected text is compared as the text it renders to, or as itself when the
/// field was plain text (<c>History of the &lt;blink&gt; tag</c>). A post's text is its title, a new line, and its body.
/// </summary>
public static class FeedCheckJudge
{
    /// <summary>The address feedparser's own runs served the files from; expected links name it.</summary>
    private const string SuiteOrigin = "http://127.0.0.1:8097";

    /// <summary>Whether <paramref name="posts"/> satisfy <paramref name="check"/> when the feed was served from <paramref name="origin"/>.</summary>
    public static bool Passes(FeedCheck check, IReadOnlyList<Post> posts, Uri origin)
    {
        if (check.Entry >= posts.Count)
        {
            return false;
        }

        var post = posts[check.Entry];
        var value = check.Value.Replace(SuiteOrigin, origin.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal);
        return check.Field switch
        {
            FeedField.Title => TextForms(value).Any(e => e.Length == 0 ? !post.Text.Contains('\n', StringComparison.Ordinal) : post.Text == e || post.Text.StartsWith(e, StringComparison.Ordinal)),
            FeedField.Body => TextForms(value).Any(e => e.Length == 0 ? !post.Text.Contains('\n', StringComparison.Ordinal) : post.Text == e || post.Text.EndsWith("\n" + e, StringComparison.Ordinal)),
            FeedField.Link => SameUri(post.Url?.AbsoluteUri, value),
            FeedField.Links => post.Entities.Links.Any(l => SameUri(l, value)),
            FeedField.Id => post.Id == Post.CreateId("rss", value) || post.Id == Post.CreateId("rss", origin.Host + "/" + value),
            FeedField.Author => AuthorMatches(post.Author.DisplayName, value),
            FeedField.Date => post.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) == value,
            _ => false,
        };
    }

    /// <summary>The forms an expected text may take in a post: the text its HTML renders to, and the value itself as plain text.</summary>
    private static string[] TextForms(string value) => [HtmlText.ToText(value), Collapse(value)];

    /// <summary>Collapses white space the way the source does (runs of spaces become one, empty lines go).</summary>
    private static string Collapse(string text) => string.Join('\n', text.Split('\n')
        .Select(line => string.Join(' ', line.Split([' ', '\t', '\r', '\u00A0'], StringSplitOptions.RemoveEmptyEntries)))
        .Where(line => line.Length > 0));

    private static bool SameUri(string? actual, string expected) =>
        actual is not null && Uri.TryCreate(expected, UriKind.Absolute, out var uri) && (uri.AbsoluteUri == actual || expected == actual);

    /// <summary>feedparser writes an RSS author as <c>Name (email)</c>; Monitro keeps the name.</summary>
    private static bool AuthorMatches(string? name, string expected) =>
        name is not null && (name == expected || expected.StartsWith(name + " (", StringComparison.Ordinal));
}

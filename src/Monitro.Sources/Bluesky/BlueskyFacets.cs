using System.Text;
using System.Text.RegularExpressions;

namespace Monitro.Sources.Bluesky;

/// <summary>
/// Finds the mentions (<c>@handle.domain</c>) and links (<c>http(s)://…</c>) of a reply's text, with their ranges in
/// UTF-8 bytes as Bluesky's facets count them, following the rules of Bluesky's own client: a mention or link starts
/// the text or follows a space or an opening parenthesis, and trailing punctuation is not part of it.
/// </summary>
internal static partial class BlueskyFacets
{
    public const string MentionType = "app.bsky.richtext.facet#mention";
    public const string LinkType = "app.bsky.richtext.facet#link";

    /// <summary>A mention (<see cref="Value"/> is the handle, without <c>@</c>) or a link, at its UTF-8 byte range (the <c>@</c> included).</summary>
    public readonly record struct Span(string Type, string Value, int ByteStart, int ByteEnd);

    public static IReadOnlyList<Span> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<Span>();
        foreach (Match match in Mention().Matches(text))
        {
            var handle = match.Groups["handle"].Value.TrimEnd('.', '-');
            if (handle.Contains('.', StringComparison.Ordinal) && !handle.StartsWith('.'))
            {
                found.Add(At(text, MentionType, handle, match.Index, handle.Length + 1));
            }
        }

        foreach (Match match in Link().Matches(text))
        {
            var link = TrimLink(match.Value);
            if (Uri.TryCreate(link, UriKind.Absolute, out _))
            {
                found.Add(At(text, LinkType, link, match.Index, link.Length));
            }
        }

        found.Sort(static (a, b) => a.ByteStart.CompareTo(b.ByteStart));
        return found;
    }

    private static Span At(string text, string type, string value, int index, int length)
    {
        var start = Encoding.UTF8.GetByteCount(text.AsSpan(0, index));
        return new Span(type, value, start, start + Encoding.UTF8.GetByteCount(text.AsSpan(index, length)));
    }

    // As Bluesky's client does: a sentence's closing punctuation is not part of the link, nor a closing parenthesis
    // when the link opened none.
    private static string TrimLink(string link)
    {
        link = link.TrimEnd('.', ',', ';', ':', '!', '?', '"', '\'');
        return link.EndsWith(')') && !link.Contains('(', StringComparison.Ordinal) ? link[..^1] : link;
    }

    [GeneratedRegex(@"(?<=^|[\s(])@(?<handle>[a-zA-Z0-9][a-zA-Z0-9.-]*)", RegexOptions.CultureInvariant)]
    private static partial Regex Mention();

    [GeneratedRegex(@"(?<=^|[\s(])https?://\S+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Link();
}

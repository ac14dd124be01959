using System.Globalization;
using System.Text;

namespace Monitro.Sources.Bluesky;

/// <summary>Turns <c>app.bsky.feed.post</c> records into posts; facets (byte ranges in UTF-8) become mentions, tags and links.</summary>
internal static class BlueskyPostMapper
{
    public const string Platform = "bluesky";

    public static string AtUri(string did, string rkey) => $"at://{did}/app.bsky.feed.post/{rkey}";

    public static Post ToPost(string did, string rkey, FeedPostRecord record, string? handle, DateTimeOffset fallbackTime, string? displayName = null)
    {
        var text = record.Text ?? string.Empty;
        var bytes = Encoding.UTF8.GetBytes(text);
        var mentions = new List<string>();
        var tags = new List<string>();
        var links = new List<string>();
        foreach (var facet in record.Facets ?? [])
        {
            foreach (var feature in facet.Features ?? [])
            {
                switch (feature.Type)
                {
                    case "app.bsky.richtext.facet#mention":
                        var shown = Slice(bytes, facet.Index)?.TrimStart('@');
                        AddOnce(mentions, string.IsNullOrEmpty(shown) ? feature.Did : shown);
                        break;
                    case "app.bsky.richtext.facet#tag":
                        AddOnce(tags, feature.Tag?.TrimStart('#'));
                        break;
                    case "app.bsky.richtext.facet#link" when Uri.TryCreate(feature.Uri, UriKind.Absolute, out var link):
                        AddOnce(links, link.AbsoluteUri);
                        break;
                }
            }
        }

        if (Uri.TryCreate(record.Embed?.External?.Uri, UriKind.Absolute, out var external))
        {
            AddOnce(links, external.AbsoluteUri);
        }

        var createdAt = DateTimeOffset.TryParse(record.CreatedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : fallbackTime;
        return new Post
        {
            Id = Post.CreateId(Platform, AtUri(did, rkey)),
            Source = Platform,
            Author = new Author
            {
                Platform = Platform,
                Handle = handle ?? did,
                DisplayName = displayName,
                ProfileUrl = new Uri($"https://bsky.app/profile/{did}"),
            },
            Text = text,
            CreatedAt = createdAt,
            Language = record.Langs is [var first, ..] ? first : null,
            Url = new Uri($"https://bsky.app/profile/{did}/post/{rkey}"),
            ReplyToId = record.Reply?.Parent?.Uri is { Length: > 0 } parent ? Post.CreateId(Platform, parent) : null,
            ThreadId = record.Reply?.Root?.Uri is { Length: > 0 } root ? Post.CreateId(Platform, root) : null,
            Entities = new PostEntities { Mentions = mentions, Hashtags = tags, Links = links },
        };
    }

    private static string? Slice(byte[] utf8, FacetIndex? index)
    {
        if (index is null || index.ByteStart < 0 || index.ByteEnd > utf8.Length || index.ByteStart >= index.ByteEnd)
        {
            return null;
        }

        return Encoding.UTF8.GetString(utf8, index.ByteStart, index.ByteEnd - index.ByteStart);
    }

    private static void AddOnce(List<string> list, string? value)
    {
        if (!string.IsNullOrEmpty(value) && !list.Contains(value))
        {
            list.Add(value);
        }
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Monitro.Sources.Bluesky;

/// <summary>A session from <c>createSession</c> or <c>refreshSession</c>.</summary>
internal sealed class BlueskySessionResponse
{
    public string? AccessJwt { get; set; }

    public string? RefreshJwt { get; set; }

    public string? Did { get; set; }
}

internal sealed class CreateSessionRequest
{
    public string? Identifier { get; set; }

    public string? Password { get; set; }
}

/// <summary>One <c>postView</c> of a search result.</summary>
internal sealed class PostView
{
    public string? Uri { get; set; }

    public string? Cid { get; set; }

    public PostAuthor? Author { get; set; }

    public FeedPostRecord? Record { get; set; }

    public DateTimeOffset? IndexedAt { get; set; }
}

internal sealed class PostAuthor
{
    public string? Did { get; set; }

    public string? Handle { get; set; }

    public string? DisplayName { get; set; }
}

/// <summary>The checkpoint of a Bluesky search source (a walk from the newest result down to the floor, as for Reddit).</summary>
internal sealed class BlueskySearchCheckpoint
{
    public DateTimeOffset? Floor { get; set; }

    public string? WalkCursor { get; set; }

    public DateTimeOffset? WalkNewest { get; set; }

    public List<string> Seen { get; set; } = [];
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BlueskySessionResponse))]
[JsonSerializable(typeof(CreateSessionRequest))]
[JsonSerializable(typeof(PostView))]
[JsonSerializable(typeof(BlueskySearchCheckpoint))]
internal sealed partial class BlueskySearchJsonContext : JsonSerializerContext;

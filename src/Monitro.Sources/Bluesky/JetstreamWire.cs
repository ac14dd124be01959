using System.Text.Json;
using System.Text.Json.Serialization;

namespace Monitro.Sources.Bluesky;

/// <summary>One Jetstream event (v1 wire format).</summary>
internal sealed class JetstreamEvent
{
    public string? Did { get; set; }

    [JsonPropertyName("time_us")]
    public long? TimeUs { get; set; }

    public string? Kind { get; set; }

    public JetstreamCommit? Commit { get; set; }

    public JetstreamIdentity? Identity { get; set; }
}

internal sealed class JetstreamCommit
{
    public string? Operation { get; set; }

    public string? Collection { get; set; }

    public string? Rkey { get; set; }

    public string? Cid { get; set; }

    public FeedPostRecord? Record { get; set; }
}

internal sealed class JetstreamIdentity
{
    public string? Did { get; set; }

    public string? Handle { get; set; }
}

/// <summary>An <c>app.bsky.feed.post</c> record.</summary>
internal sealed class FeedPostRecord
{
    [JsonPropertyName("$type")]
    public string? Type { get; set; }

    public string? Text { get; set; }

    public string? CreatedAt { get; set; }

    public List<string>? Langs { get; set; }

    public List<Facet>? Facets { get; set; }

    public ReplyRef? Reply { get; set; }

    public Embed? Embed { get; set; }
}

internal sealed class Facet
{
    public FacetIndex? Index { get; set; }

    public List<FacetFeature>? Features { get; set; }
}

internal sealed class FacetIndex
{
    public int ByteStart { get; set; }

    public int ByteEnd { get; set; }
}

internal sealed class FacetFeature
{
    [JsonPropertyName("$type")]
    public string? Type { get; set; }

    public string? Did { get; set; }

    public string? Tag { get; set; }

    public string? Uri { get; set; }
}

internal sealed class ReplyRef
{
    public StrongRef? Root { get; set; }

    public StrongRef? Parent { get; set; }
}

internal sealed class StrongRef
{
    public string? Uri { get; set; }

    public string? Cid { get; set; }
}

internal sealed class Embed
{
    public EmbedExternal? External { get; set; }
}

internal sealed class EmbedExternal
{
    public string? Uri { get; set; }
}

/// <summary>The checkpoint of a Jetstream source: the last event time and the events seen in the rewind window (to drop replays).</summary>
internal sealed class JetstreamCheckpoint
{
    public long? Cursor { get; set; }

    public List<string> Recent { get; set; } = [];
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JetstreamEvent))]
[JsonSerializable(typeof(JetstreamCheckpoint))]
internal sealed partial class JetstreamJsonContext : JsonSerializerContext;

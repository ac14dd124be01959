using System.Text.Json;
using System.Text.Json.Serialization;

namespace Monitro.Sources.Rss;

/// <summary>The checkpoint of a feed source: HTTP validators, the ids already delivered, and the first-run filter until the first read.</summary>
internal sealed class RssCheckpoint
{
    public string? ETag { get; set; }

    public string? LastModified { get; set; }

    public List<string> Seen { get; set; } = [];

    /// <summary>Gets or sets whether the feed was read once (the first-run filter applies only before that).</summary>
    public bool Primed { get; set; }

    public DateTimeOffset? Since { get; set; }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RssCheckpoint))]
internal sealed partial class RssJsonContext : JsonSerializerContext;

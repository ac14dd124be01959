using System.Text.Json;
using System.Text.Json.Serialization;

namespace Monitro.Sources.HackerNews;

/// <summary>The envelope of an Algolia HN search response.</summary>
internal sealed class AlgoliaResponse
{
    [JsonPropertyName("nbHits")]
    public int NbHits { get; set; }

    [JsonPropertyName("nbPages")]
    public int NbPages { get; set; }

    public int Page { get; set; }
}

/// <summary>One story or comment hit.</summary>
internal sealed class AlgoliaHit
{
    [JsonPropertyName("objectID")]
    public string? ObjectId { get; set; }

    public string? Author { get; set; }

    public string? Title { get; set; }

    public string? Url { get; set; }

    public string? StoryText { get; set; }

    public string? CommentText { get; set; }

    public long? StoryId { get; set; }

    public long? ParentId { get; set; }

    public long? CreatedAtI { get; set; }

    [JsonPropertyName("_tags")]
    public List<string>? Tags { get; set; }
}

/// <summary>
/// The checkpoint of a Hacker News source: everything created up to <see cref="Watermark"/> (unix seconds) was
/// delivered; the window (<see cref="Watermark"/>, <see cref="WindowEnd"/>] is being paged, next page <see cref="Page"/>.
/// </summary>
internal sealed class HackerNewsCheckpoint
{
    public long Watermark { get; set; }

    public long? WindowEnd { get; set; }

    public int Page { get; set; }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AlgoliaResponse))]
[JsonSerializable(typeof(AlgoliaHit))]
[JsonSerializable(typeof(HackerNewsCheckpoint))]
internal sealed partial class HackerNewsJsonContext : JsonSerializerContext;

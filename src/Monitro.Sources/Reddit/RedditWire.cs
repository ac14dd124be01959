using System.Text.Json;
using System.Text.Json.Serialization;

namespace Monitro.Sources.Reddit;

/// <summary>The <c>data</c> of a Reddit link (t3) or comment (t1).</summary>
internal sealed class RedditThing
{
    public string? Name { get; set; }

    public string? Author { get; set; }

    public string? Title { get; set; }

    public string? Selftext { get; set; }

    public string? Body { get; set; }

    public string? Url { get; set; }

    public string? Permalink { get; set; }

    public bool? IsSelf { get; set; }

    public double? CreatedUtc { get; set; }

    public string? Subreddit { get; set; }

    public string? LinkId { get; set; }

    public string? ParentId { get; set; }
}

/// <summary>An OAuth token response.</summary>
internal sealed class RedditToken
{
    public string? AccessToken { get; set; }

    public string? TokenType { get; set; }

    public double? ExpiresIn { get; set; }
}

/// <summary>Where one listing (a search or a subreddit's <c>new</c>) stands.</summary>
internal sealed class RedditFeedState
{
    /// <summary>Gets or sets the oldest creation time (unix seconds) still to deliver; <see langword="null"/> walks to the end of the listing.</summary>
    public double? Floor { get; set; }

    /// <summary>Gets or sets the <c>after</c> cursor of a walk down the listing in progress, or <see langword="null"/>.</summary>
    public string? WalkAfter { get; set; }

    /// <summary>Gets or sets the creation time of the newest item of the walk in progress; it becomes the floor when the walk ends.</summary>
    public double? WalkNewest { get; set; }
}

/// <summary>The checkpoint of a Reddit source.</summary>
internal sealed class RedditCheckpoint
{
    public Dictionary<string, RedditFeedState> Feeds { get; set; } = new(StringComparer.Ordinal);

    public List<string> Seen { get; set; } = [];

    public int NextFeed { get; set; }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RedditThing))]
[JsonSerializable(typeof(RedditToken))]
[JsonSerializable(typeof(RedditCheckpoint))]
internal sealed partial class RedditJsonContext : JsonSerializerContext;

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Monitro.Sources.Reddit;

/// <summary>The answer of <c>POST /api/comment</c> with <c>api_type=json</c>: errors (<c>[code, message, field]</c>) or the new comment.</summary>
internal sealed class RedditCommentResponse
{
    public RedditCommentResult? Json { get; set; }
}

internal sealed class RedditCommentResult
{
    public List<List<string?>>? Errors { get; set; }

    public RedditCommentData? Data { get; set; }
}

internal sealed class RedditCommentData
{
    public List<RedditChild>? Things { get; set; }
}

/// <summary>A listing, such as <c>GET /user/{name}/comments</c>.</summary>
internal sealed class RedditListing
{
    public RedditListingData? Data { get; set; }
}

internal sealed class RedditListingData
{
    public List<RedditChild>? Children { get; set; }
}

internal sealed class RedditChild
{
    public string? Kind { get; set; }

    public RedditThing? Data { get; set; }
}

/// <summary>The answer of <c>GET /api/v1/me</c>.</summary>
internal sealed class RedditMe
{
    public string? Name { get; set; }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(RedditCommentResponse))]
[JsonSerializable(typeof(RedditListing))]
[JsonSerializable(typeof(RedditMe))]
internal sealed partial class RedditReplyJsonContext : JsonSerializerContext;

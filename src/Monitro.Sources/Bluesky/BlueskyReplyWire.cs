using System.Text.Json;
using System.Text.Json.Serialization;

namespace Monitro.Sources.Bluesky;

/// <summary>The body of <c>com.atproto.repo.createRecord</c>.</summary>
internal sealed class CreateRecordRequest
{
    public required string Repo { get; init; }

    public required string Collection { get; init; }

    public required string Rkey { get; init; }

    public required FeedPostRecord Record { get; init; }
}

/// <summary>The answer of <c>createRecord</c>, and of <c>getRecord</c> (which adds the record as <see cref="Value"/>).</summary>
internal sealed class RecordResponse
{
    public string? Uri { get; set; }

    public string? Cid { get; set; }

    public FeedPostRecord? Value { get; set; }
}

/// <summary>The answer of <c>app.bsky.feed.getPosts</c>.</summary>
internal sealed class PostsResponse
{
    public List<PostView>? Posts { get; set; }
}

/// <summary>The answer of <c>com.atproto.identity.resolveHandle</c>.</summary>
internal sealed class ResolveHandleResponse
{
    public string? Did { get; set; }
}

/// <summary>An XRPC error body: <c>{"error": "ExpiredToken", "message": "…"}</c>.</summary>
internal sealed class XrpcError
{
    public string? Error { get; set; }

    /// <summary>The error name of an XRPC error body, or <see langword="null"/> when the body is not one.</summary>
    public static string? NameOf(byte[] body)
    {
        try
        {
            return body.Length == 0 ? null : JsonSerializer.Deserialize(body, BlueskyReplyJsonContext.Default.XrpcError)?.Error;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CreateRecordRequest))]
[JsonSerializable(typeof(RecordResponse))]
[JsonSerializable(typeof(PostsResponse))]
[JsonSerializable(typeof(ResolveHandleResponse))]
[JsonSerializable(typeof(XrpcError))]
internal sealed partial class BlueskyReplyJsonContext : JsonSerializerContext;

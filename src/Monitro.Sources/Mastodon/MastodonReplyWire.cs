using System.Text.Json;
using System.Text.Json.Serialization;

namespace Monitro.Sources.Mastodon;

/// <summary>The body of <c>POST /api/v1/statuses</c>.</summary>
internal sealed class MastodonNewStatus
{
    public required string Status { get; init; }

    public required string InReplyToId { get; init; }

    public required string Visibility { get; init; }
}

/// <summary>The fields of <c>GET /api/v2/instance</c> that give the longest status.</summary>
internal sealed class MastodonInstance
{
    public MastodonInstanceConfiguration? Configuration { get; set; }
}

internal sealed class MastodonInstanceConfiguration
{
    public MastodonStatusesConfiguration? Statuses { get; set; }
}

internal sealed class MastodonStatusesConfiguration
{
    public int? MaxCharacters { get; set; }
}

/// <summary>The statuses of a <c>GET /api/v2/search</c> answer.</summary>
internal sealed class MastodonSearchResult
{
    public List<MastodonStatus>? Statuses { get; set; }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(MastodonNewStatus))]
[JsonSerializable(typeof(MastodonInstance))]
[JsonSerializable(typeof(MastodonSearchResult))]
[JsonSerializable(typeof(MastodonStatus))]
internal sealed partial class MastodonReplyJsonContext : JsonSerializerContext;

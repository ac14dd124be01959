using System.Text.Json;
using System.Text.Json.Serialization;

namespace Monitro.Sources.Mastodon;

/// <summary>The fields of a Mastodon <c>Status</c> that Monitro reads.</summary>
internal sealed class MastodonStatus
{
    public string? Id { get; set; }

    public string? Uri { get; set; }

    public string? Url { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }

    public string? InReplyToId { get; set; }

    public string? Language { get; set; }

    public string? Content { get; set; }

    public string? SpoilerText { get; set; }

    public MastodonAccount? Account { get; set; }

    public MastodonStatus? Reblog { get; set; }

    public List<MastodonMention>? Mentions { get; set; }

    public List<MastodonTag>? Tags { get; set; }

    public MastodonCard? Card { get; set; }
}

internal sealed class MastodonAccount
{
    public string? Acct { get; set; }

    public string? DisplayName { get; set; }

    public string? Url { get; set; }

    public long? FollowersCount { get; set; }

    public List<MastodonField?>? Fields { get; set; }
}

internal sealed class MastodonField
{
    public string? Value { get; set; }

    public string? VerifiedAt { get; set; }
}

internal sealed class MastodonMention
{
    public string? Acct { get; set; }

    public string? Url { get; set; }
}

internal sealed class MastodonTag
{
    public string? Name { get; set; }

    public string? Url { get; set; }
}

internal sealed class MastodonCard
{
    public string? Url { get; set; }
}

/// <summary>The checkpoint of a Mastodon source: the forward cursor (<c>min_id</c>) per tag and the URIs recently delivered.</summary>
internal sealed class MastodonCheckpoint
{
    public Dictionary<string, string> MinIds { get; set; } = new(StringComparer.Ordinal);

    public List<string> Seen { get; set; } = [];

    public int NextTag { get; set; }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(MastodonStatus))]
[JsonSerializable(typeof(MastodonCheckpoint))]
internal sealed partial class MastodonJsonContext : JsonSerializerContext;

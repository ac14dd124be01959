using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Monitro.Replay;

/// <summary>
/// Reads one JSON line of the usual shape (the names <see cref="MonitroJsonContext"/> writes, each once, values of
/// the expected types) into a <see cref="Post"/>; anything else is left to the source-generated contract.
/// </summary>
/// <remarks>
/// Hand-written because it is the hot path of a replay: one call per line, and on a one-core host the generated
/// contract's converters run unoptimized for most of a stream, while this loop is compiled optimized at its first
/// call. It only ever accepts what the generated contract reads to the same post; for every other line (another
/// name or letter case, a repeated or unknown property, a value of another type, a required member missing, bytes
/// that are not UTF-8) it returns <see langword="null"/> and the caller falls back to the contract, which also
/// produces the errors. The source, platform and language names repeat on nearly every line, so the last ones read are reused.
/// </remarks>
internal sealed class PostJsonReader
{
    private string? _lastSource;
    private string? _lastPlatform;
    private string? _lastLanguage;

    /// <summary>Reads a line into a post.</summary>
    /// <param name="line">The UTF-8 bytes of one line.</param>
    /// <returns>The post, or <see langword="null"/> when the line is not of the usual shape.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Post? TryRead(ReadOnlySpan<byte> line)
    {
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            var post = ReadPost(ref reader);

            // Like the contract, nothing but white space may follow the object.
            return post is not null && !reader.Read() ? post : null;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
            // Malformed JSON, bytes that are not UTF-8, or an escape that does not decode: the contract decides.
            return null;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Post? ReadPost(ref Utf8JsonReader reader)
    {
        string? id = null, source = null, text = null, language = null, replyToId = null, threadId = null;
        Author? author = null;
        DateTimeOffset createdAt = default;
        Uri? url = null;
        var isRepost = false;
        PostEntities? entities = null;
        var seen = Fields.None;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                if ((seen & Fields.PostRequired) != Fields.PostRequired)
                {
                    return null;
                }

                return new Post
                {
                    Id = id!,
                    Source = source!,
                    Author = author!,
                    Text = text!,
                    CreatedAt = createdAt,
                    Language = language,
                    Url = url,
                    ReplyToId = replyToId,
                    ThreadId = threadId,
                    IsRepost = isRepost,
                    Entities = entities ?? PostEntities.Empty,
                };
            }

            var field = PostField(ref reader);
            if (field == Fields.None || (seen & field) != 0 || !reader.Read())
            {
                return null;
            }

            seen |= field;
            var ok = field switch
            {
                Fields.Id => TryString(ref reader, out id),
                Fields.Source => TryRepeatedString(ref reader, ref _lastSource, out source),
                Fields.Text => TryString(ref reader, out text),
                Fields.Author => TryAuthor(ref reader, out author),
                Fields.CreatedAt => reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out createdAt),
                Fields.Language => reader.TokenType == JsonTokenType.Null || TryRepeatedString(ref reader, ref _lastLanguage, out language),
                Fields.Url => TryUri(ref reader, out url),
                Fields.ReplyToId => TryNullableString(ref reader, out replyToId),
                Fields.ThreadId => TryNullableString(ref reader, out threadId),
                Fields.IsRepost => TryBoolean(ref reader, out isRepost),
                Fields.Entities => TryEntities(ref reader, out entities),
                Fields.IsReply => reader.TokenType is JsonTokenType.True or JsonTokenType.False, // computed: read and ignored, as by the contract
                _ => false,
            };
            if (!ok)
            {
                return null;
            }
        }

        return null;
    }

    private static Fields PostField(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.PropertyName)
        {
            return Fields.None;
        }

        return reader.ValueTextEquals("id"u8) ? Fields.Id
            : reader.ValueTextEquals("source"u8) ? Fields.Source
            : reader.ValueTextEquals("author"u8) ? Fields.Author
            : reader.ValueTextEquals("text"u8) ? Fields.Text
            : reader.ValueTextEquals("createdAt"u8) ? Fields.CreatedAt
            : reader.ValueTextEquals("language"u8) ? Fields.Language
            : reader.ValueTextEquals("url"u8) ? Fields.Url
            : reader.ValueTextEquals("replyToId"u8) ? Fields.ReplyToId
            : reader.ValueTextEquals("threadId"u8) ? Fields.ThreadId
            : reader.ValueTextEquals("isRepost"u8) ? Fields.IsRepost
            : reader.ValueTextEquals("entities"u8) ? Fields.Entities
            : reader.ValueTextEquals("isReply"u8) ? Fields.IsReply
            : Fields.None;
    }

    private bool TryAuthor(ref Utf8JsonReader reader, out Author? author)
    {
        author = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        string? platform = null, handle = null, displayName = null;
        Uri? profileUrl = null;
        long? followers = null;
        IReadOnlyList<Uri>? verifiedLinks = null;
        var seen = AuthorFields.None;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                if ((seen & AuthorFields.Required) != AuthorFields.Required)
                {
                    return false;
                }

                author = new Author
                {
                    Platform = platform!,
                    Handle = handle!,
                    DisplayName = displayName,
                    ProfileUrl = profileUrl,
                    Followers = followers,
                    VerifiedLinks = verifiedLinks,
                };
                return true;
            }

            var field = AuthorField(ref reader);
            if (field == AuthorFields.None || (seen & field) != 0 || !reader.Read())
            {
                return false;
            }

            seen |= field;
            var ok = field switch
            {
                AuthorFields.Platform => TryRepeatedString(ref reader, ref _lastPlatform, out platform),
                AuthorFields.Handle => TryString(ref reader, out handle),
                AuthorFields.DisplayName => TryNullableString(ref reader, out displayName),
                AuthorFields.ProfileUrl => TryUri(ref reader, out profileUrl),
                AuthorFields.Followers => TryFollowers(ref reader, out followers),
                AuthorFields.VerifiedLinks => TryUris(ref reader, out verifiedLinks),
                AuthorFields.IdentityKey => reader.TokenType == JsonTokenType.String, // computed: read and ignored, as by the contract
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return false;
    }

    private static AuthorFields AuthorField(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.PropertyName)
        {
            return AuthorFields.None;
        }

        return reader.ValueTextEquals("platform"u8) ? AuthorFields.Platform
            : reader.ValueTextEquals("handle"u8) ? AuthorFields.Handle
            : reader.ValueTextEquals("displayName"u8) ? AuthorFields.DisplayName
            : reader.ValueTextEquals("profileUrl"u8) ? AuthorFields.ProfileUrl
            : reader.ValueTextEquals("followers"u8) ? AuthorFields.Followers
            : reader.ValueTextEquals("verifiedLinks"u8) ? AuthorFields.VerifiedLinks
            : reader.ValueTextEquals("identityKey"u8) ? AuthorFields.IdentityKey
            : AuthorFields.None;
    }

    private static bool TryEntities(ref Utf8JsonReader reader, out PostEntities? entities)
    {
        entities = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        List<string>? hashtags = null, mentions = null, cashtags = null, links = null;
        var seen = 0;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                // Most posts have no entities: they share the empty ones instead of four new lists each.
                entities = (hashtags ?? mentions ?? cashtags ?? links) is null
                    ? PostEntities.Empty
                    : new PostEntities { Hashtags = hashtags!, Mentions = mentions!, Cashtags = cashtags!, Links = links! };
                return true;
            }

            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                return false;
            }

            var bit = reader.ValueTextEquals("hashtags"u8) ? 1
                : reader.ValueTextEquals("mentions"u8) ? 2
                : reader.ValueTextEquals("cashtags"u8) ? 4
                : reader.ValueTextEquals("links"u8) ? 8
                : 0;
            if (bit == 0 || (seen & bit) != 0 || !reader.Read() || !TryStrings(ref reader, out var values))
            {
                return false;
            }

            seen |= bit;
            switch (bit)
            {
                case 1: hashtags = values; break;
                case 2: mentions = values; break;
                case 4: cashtags = values; break;
                default: links = values; break;
            }
        }

        return false;
    }

    private static bool TryStrings(ref Utf8JsonReader reader, out List<string>? values)
    {
        values = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return true; // an empty list stays null: the post gets the shared empty one
            }

            if (reader.TokenType != JsonTokenType.String)
            {
                return false;
            }

            (values ??= []).Add(reader.GetString()!);
        }

        return false;
    }

    private static bool TryUris(ref Utf8JsonReader reader, out IReadOnlyList<Uri>? values)
    {
        values = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        var uris = new List<Uri>();
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                values = uris;
                return true;
            }

            if (!TryUri(ref reader, out var uri) || uri is null)
            {
                return false;
            }

            uris.Add(uri);
        }

        return false;
    }

    private static bool TryString(ref Utf8JsonReader reader, out string? value)
    {
        // A required string that is null is the contract's to judge.
        value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return value is not null;
    }

    private static bool TryNullableString(ref Utf8JsonReader reader, out string? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        return TryString(ref reader, out value);
    }

    private static bool TryRepeatedString(ref Utf8JsonReader reader, ref string? last, out string? value)
    {
        if (reader.TokenType == JsonTokenType.String && last is not null && !reader.ValueIsEscaped && reader.ValueTextEquals(last))
        {
            value = last;
            return true;
        }

        if (!TryString(ref reader, out value))
        {
            return false;
        }

        last = value;
        return true;
    }

    private static bool TryUri(ref Utf8JsonReader reader, out Uri? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        // The contract's converter reads a URI the same way: relative or absolute, refused when it does not parse.
        return reader.TokenType == JsonTokenType.String && Uri.TryCreate(reader.GetString(), UriKind.RelativeOrAbsolute, out value);
    }

    private static bool TryBoolean(ref Utf8JsonReader reader, out bool value)
    {
        value = reader.TokenType == JsonTokenType.True;
        return reader.TokenType is JsonTokenType.True or JsonTokenType.False;
    }

    private static bool TryFollowers(ref Utf8JsonReader reader, out long? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var number))
        {
            return false;
        }

        value = number;
        return true;
    }

    [Flags]
    private enum Fields
    {
        None = 0,
        Id = 1,
        Source = 2,
        Author = 4,
        Text = 8,
        CreatedAt = 16,
        Language = 32,
        Url = 64,
        ReplyToId = 128,
        ThreadId = 256,
        IsRepost = 512,
        Entities = 1024,
        IsReply = 2048,
        PostRequired = Id | Source | Author | Text | CreatedAt,
    }

    [Flags]
    private enum AuthorFields
    {
        None = 0,
        Platform = 1,
        Handle = 2,
        DisplayName = 4,
        ProfileUrl = 8,
        Followers = 16,
        VerifiedLinks = 32,
        IdentityKey = 64,
        Required = Platform | Handle,
    }
}

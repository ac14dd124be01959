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
        var post = new PostFields(this);
        return TryReadObject(ref reader, ref post) ? post.ToPost() : null;
    }

    /// <summary>
    /// Reads the properties of an object up to its end: each name one of <typeparamref name="TFields"/>'s, at most
    /// once, its value read by them; the required ones all present.
    /// </summary>
    /// <returns><see langword="false"/> when the object is not of the usual shape.</returns>
    // A struct type argument: the JIT compiles this loop once per kind of object, with the calls inlined. Like the
    // other methods a line goes through, compiled optimized at once (a one-core host otherwise runs them unoptimized for seconds).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryReadObject<TFields>(ref Utf8JsonReader reader, ref TFields fields)
        where TFields : struct, IObjectFields
    {
        var seen = 0;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return (seen & fields.Required) == fields.Required;
            }

            var field = reader.TokenType == JsonTokenType.PropertyName ? fields.Field(ref reader) : 0;
            if (field == 0 || (seen & field) != 0 || !reader.Read() || !fields.TryRead(field, ref reader))
            {
                return false;
            }

            seen |= field;
        }

        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryAuthor(ref Utf8JsonReader reader, PostJsonReader names, out Author? author)
    {
        author = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var fields = new AuthorFields(names);
        if (!TryReadObject(ref reader, ref fields))
        {
            return false;
        }

        author = fields.ToAuthor();
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryEntities(ref Utf8JsonReader reader, out PostEntities? entities)
    {
        entities = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        var fields = default(EntityFields);
        if (reader.TokenType != JsonTokenType.StartObject || !TryReadObject(ref reader, ref fields))
        {
            return false;
        }

        entities = fields.ToEntities();
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryString(ref Utf8JsonReader reader, out string? value)
    {
        // A required string that is null is the contract's to judge.
        value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return value is not null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryNullableString(ref Utf8JsonReader reader, out string? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        return TryString(ref reader, out value);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryBoolean(ref Utf8JsonReader reader, out bool value)
    {
        value = reader.TokenType == JsonTokenType.True;
        return reader.TokenType is JsonTokenType.True or JsonTokenType.False;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    /// <summary>The properties of one kind of object: their bits, how each value is read, and what is kept.</summary>
    private interface IObjectFields
    {
        /// <summary>Gets the bits of the properties the object must have.</summary>
        int Required { get; }

        /// <summary>Gets the bit of the property name the reader is on, or 0 for a name not of the usual shape.</summary>
        int Field(ref Utf8JsonReader reader);

        /// <summary>Reads the value of a property; <see langword="false"/> when it is not of the usual shape.</summary>
        bool TryRead(int field, ref Utf8JsonReader reader);
    }

    private struct PostFields(PostJsonReader names) : IObjectFields
    {
        private const int Id = 1, Source = 2, AuthorField = 4, Text = 8, CreatedAt = 16, Language = 32, Url = 64,
            ReplyToId = 128, ThreadId = 256, IsRepost = 512, Entities = 1024, IsReply = 2048;

        private string? _id, _source, _text, _language, _replyToId, _threadId;
        private Author? _author;
        private DateTimeOffset _createdAt;
        private Uri? _url;
        private bool _isRepost;
        private PostEntities? _entities;

        public readonly int Required => Id | Source | AuthorField | Text | CreatedAt;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public readonly int Field(ref Utf8JsonReader reader) =>
            reader.ValueTextEquals("id"u8) ? Id
            : reader.ValueTextEquals("source"u8) ? Source
            : reader.ValueTextEquals("author"u8) ? AuthorField
            : reader.ValueTextEquals("text"u8) ? Text
            : reader.ValueTextEquals("createdAt"u8) ? CreatedAt
            : reader.ValueTextEquals("language"u8) ? Language
            : reader.ValueTextEquals("url"u8) ? Url
            : reader.ValueTextEquals("replyToId"u8) ? ReplyToId
            : reader.ValueTextEquals("threadId"u8) ? ThreadId
            : reader.ValueTextEquals("isRepost"u8) ? IsRepost
            : reader.ValueTextEquals("entities"u8) ? Entities
            : reader.ValueTextEquals("isReply"u8) ? IsReply
            : 0;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool TryRead(int field, ref Utf8JsonReader reader) => field switch
        {
            Id => TryString(ref reader, out _id),
            Source => TryRepeatedString(ref reader, ref names._lastSource, out _source),
            Text => TryString(ref reader, out _text),
            AuthorField => TryAuthor(ref reader, names, out _author),
            CreatedAt => reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out _createdAt),
            Language => reader.TokenType == JsonTokenType.Null || TryRepeatedString(ref reader, ref names._lastLanguage, out _language),
            Url => TryUri(ref reader, out _url),
            ReplyToId => TryNullableString(ref reader, out _replyToId),
            ThreadId => TryNullableString(ref reader, out _threadId),
            IsRepost => TryBoolean(ref reader, out _isRepost),
            Entities => TryEntities(ref reader, out _entities),
            IsReply => reader.TokenType is JsonTokenType.True or JsonTokenType.False, // computed: read and ignored, as by the contract
            _ => false,
        };

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public readonly Post ToPost() => new()
        {
            Id = _id!,
            Source = _source!,
            Author = _author!,
            Text = _text!,
            CreatedAt = _createdAt,
            Language = _language,
            Url = _url,
            ReplyToId = _replyToId,
            ThreadId = _threadId,
            IsRepost = _isRepost,
            Entities = _entities ?? PostEntities.Empty,
        };
    }

    private struct AuthorFields(PostJsonReader names) : IObjectFields
    {
        private const int Platform = 1, Handle = 2, DisplayName = 4, ProfileUrl = 8, Followers = 16, VerifiedLinks = 32, IdentityKey = 64;

        private string? _platform, _handle, _displayName;
        private Uri? _profileUrl;
        private long? _followers;
        private IReadOnlyList<Uri>? _verifiedLinks;

        public readonly int Required => Platform | Handle;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public readonly int Field(ref Utf8JsonReader reader) =>
            reader.ValueTextEquals("platform"u8) ? Platform
            : reader.ValueTextEquals("handle"u8) ? Handle
            : reader.ValueTextEquals("displayName"u8) ? DisplayName
            : reader.ValueTextEquals("profileUrl"u8) ? ProfileUrl
            : reader.ValueTextEquals("followers"u8) ? Followers
            : reader.ValueTextEquals("verifiedLinks"u8) ? VerifiedLinks
            : reader.ValueTextEquals("identityKey"u8) ? IdentityKey
            : 0;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool TryRead(int field, ref Utf8JsonReader reader) => field switch
        {
            Platform => TryRepeatedString(ref reader, ref names._lastPlatform, out _platform),
            Handle => TryString(ref reader, out _handle),
            DisplayName => TryNullableString(ref reader, out _displayName),
            ProfileUrl => TryUri(ref reader, out _profileUrl),
            Followers => TryFollowers(ref reader, out _followers),
            VerifiedLinks => TryUris(ref reader, out _verifiedLinks),
            IdentityKey => reader.TokenType == JsonTokenType.String, // computed: read and ignored, as by the contract
            _ => false,
        };

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public readonly Author ToAuthor() => new()
        {
            Platform = _platform!,
            Handle = _handle!,
            DisplayName = _displayName,
            ProfileUrl = _profileUrl,
            Followers = _followers,
            VerifiedLinks = _verifiedLinks,
        };
    }

    private struct EntityFields : IObjectFields
    {
        private const int Hashtags = 1, Mentions = 2, Cashtags = 4, Links = 8;

        private List<string>? _hashtags, _mentions, _cashtags, _links;

        public readonly int Required => 0;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public readonly int Field(ref Utf8JsonReader reader) =>
            reader.ValueTextEquals("hashtags"u8) ? Hashtags
            : reader.ValueTextEquals("mentions"u8) ? Mentions
            : reader.ValueTextEquals("cashtags"u8) ? Cashtags
            : reader.ValueTextEquals("links"u8) ? Links
            : 0;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool TryRead(int field, ref Utf8JsonReader reader) => field switch
        {
            Hashtags => TryStrings(ref reader, out _hashtags),
            Mentions => TryStrings(ref reader, out _mentions),
            Cashtags => TryStrings(ref reader, out _cashtags),
            Links => TryStrings(ref reader, out _links),
            _ => false,
        };

        // Most posts have no entities: they share the empty ones instead of four new lists each.
        public readonly PostEntities ToEntities() => (_hashtags ?? _mentions ?? _cashtags ?? _links) is null
            ? PostEntities.Empty
            : new PostEntities { Hashtags = _hashtags!, Mentions = _mentions!, Cashtags = _cashtags!, Links = _links! };
    }
}

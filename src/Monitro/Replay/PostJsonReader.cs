using System.Runtime.CompilerServices;

namespace Monitro.Replay;

/// <summary>
/// Reads one JSON line of the usual shape (the names <see cref="MonitroJsonContext"/> writes, each once, values of
/// the expected types) into a <see cref="Post"/>; anything else is left to the source-generated contract.
/// </summary>
/// <remarks>
/// Hand-written because it is the hot path of a replay: one call per line, and on a one-core host the generated
/// contract's converters (and <see cref="System.Text.Json.Utf8JsonReader"/>'s string search) run unoptimized for most
/// of a stream, while this reader and its <see cref="JsonLineCursor"/> are compiled optimized at their first call. It
/// only ever accepts what the generated contract reads to the same post; for every other line (another name or letter
/// case, a repeated or unknown property, a value of another type, a required member missing, bytes that are not UTF-8,
/// an escape it does not decode) it returns <see langword="null"/> and the caller falls back to the contract, which
/// also produces the errors. The source, platform and language names repeat on nearly every line, so the last ones
/// read are reused without decoding them again.
/// </remarks>
internal sealed class PostJsonReader
{
    private readonly RecentStrings _sources = new();
    private readonly RecentStrings _platforms = new();
    private readonly RecentStrings _languages = new();
    private char[] _scratch = new char[256];

    /// <summary>Reads a line into a post.</summary>
    /// <param name="line">The UTF-8 bytes of one line.</param>
    /// <returns>The post, or <see langword="null"/> when the line is not of the usual shape.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Post? TryRead(ReadOnlySpan<byte> line)
    {
        var cursor = new JsonLineCursor(line);
        if (!cursor.TryTake((byte)'{'))
        {
            return null;
        }

        var post = new PostFields(this);

        // Like the contract, nothing but white space may follow the object.
        return TryReadObject(ref cursor, ref post) && cursor.AtEnd ? post.ToPost() : null;
    }

    /// <summary>
    /// Reads the properties of an object (its opening brace already taken) up to its end: each name one of
    /// <typeparamref name="TFields"/>'s, at most once, its value read by them; the required ones all present.
    /// </summary>
    /// <returns><see langword="false"/> when the object is not of the usual shape.</returns>
    // A struct type argument: the JIT compiles this loop once per kind of object, with the calls inlined. Like the
    // other methods a line goes through, compiled optimized at once (a one-core host otherwise runs them unoptimized for seconds).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryReadObject<TFields>(ref JsonLineCursor cursor, ref TFields fields)
        where TFields : struct, IObjectFields
    {
        var seen = 0;
        if (cursor.TryTake((byte)'}'))
        {
            return (seen & fields.Required) == fields.Required;
        }

        do
        {
            if (!cursor.TryTakeName(out var name))
            {
                return false;
            }

            var field = fields.Field(name);
            if (field == 0 || (seen & field) != 0 || !fields.TryRead(field, ref cursor))
            {
                return false;
            }

            seen |= field;
        }
        while (cursor.TryTake((byte)','));

        return cursor.TryTake((byte)'}') && (seen & fields.Required) == fields.Required;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryAuthor(ref JsonLineCursor cursor, PostJsonReader names, out Author? author)
    {
        author = null;
        var fields = new AuthorFields(names);
        if (!cursor.TryTake((byte)'{') || !TryReadObject(ref cursor, ref fields))
        {
            return false;
        }

        author = fields.ToAuthor();
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryEntities(ref JsonLineCursor cursor, PostJsonReader reader, out PostEntities? entities)
    {
        entities = null;
        if (cursor.TryTakeNull())
        {
            return true;
        }

        var fields = new EntityFields(reader);
        if (!cursor.TryTake((byte)'{') || !TryReadObject(ref cursor, ref fields))
        {
            return false;
        }

        entities = fields.ToEntities();
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryStrings(ref JsonLineCursor cursor, PostJsonReader reader, out List<string>? values)
    {
        values = null;
        if (cursor.TryTakeNull())
        {
            return true;
        }

        if (!cursor.TryTake((byte)'['))
        {
            return false;
        }

        if (cursor.TryTake((byte)']'))
        {
            return true; // an empty list stays null: the post gets the shared empty one
        }

        do
        {
            if (!reader.TryString(ref cursor, out var value))
            {
                return false;
            }

            (values ??= []).Add(value!);
        }
        while (cursor.TryTake((byte)','));

        return cursor.TryTake((byte)']');
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryUris(ref JsonLineCursor cursor, PostJsonReader reader, out IReadOnlyList<Uri>? values)
    {
        values = null;
        if (cursor.TryTakeNull())
        {
            return true;
        }

        if (!cursor.TryTake((byte)'['))
        {
            return false;
        }

        var uris = new List<Uri>();
        if (!cursor.TryTake((byte)']'))
        {
            do
            {
                if (!reader.TryString(ref cursor, out var text) || !Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out var uri))
                {
                    return false;
                }

                uris.Add(uri);
            }
            while (cursor.TryTake((byte)','));

            if (!cursor.TryTake((byte)']'))
            {
                return false;
            }
        }

        values = uris;
        return true;
    }

    /// <summary>Reads a string; a required string that is null is the contract's to judge.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryString(ref JsonLineCursor cursor, out string? value)
    {
        value = null;
        return cursor.TryTakeString(out var raw) && raw.TryDecode(ref _scratch, out value);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryNullableString(ref JsonLineCursor cursor, out string? value)
    {
        value = null;
        return cursor.TryTakeNull() || TryString(ref cursor, out value);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryRepeatedString(ref JsonLineCursor cursor, RecentStrings recent, out string? value)
    {
        value = null;
        if (!cursor.TryTakeString(out var raw))
        {
            return false;
        }

        if (!raw.IsEscaped && recent.TryGet(raw.Bytes, out var known))
        {
            value = known;
            return true;
        }

        if (!raw.TryDecode(ref _scratch, out value))
        {
            return false;
        }

        if (!raw.IsEscaped)
        {
            recent.Add(raw.Bytes, value!);
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryUri(ref JsonLineCursor cursor, out Uri? value)
    {
        value = null;
        if (cursor.TryTakeNull())
        {
            return true;
        }

        // The contract's converter reads a URI the same way: relative or absolute, refused when it does not parse.
        return TryString(ref cursor, out var text) && Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out value);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryTimestamp(ref JsonLineCursor cursor, out DateTimeOffset value)
    {
        value = default;
        return cursor.TryTakeString(out var raw) && !raw.IsEscaped && IsoTimestamp.TryParse(raw.Bytes, out value);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryFollowers(ref JsonLineCursor cursor, out long? value)
    {
        value = null;
        if (cursor.TryTakeNull())
        {
            return true;
        }

        if (!cursor.TryTakeInt64(out var number))
        {
            return false;
        }

        value = number;
        return true;
    }

    /// <summary>Reads a string the contract reads and ignores (a computed member), checking only that it is one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryIgnoredString(ref JsonLineCursor cursor) => cursor.TryTakeString(out var raw) && raw.IsValid(ref _scratch);

    /// <summary>The properties of one kind of object: their bits, how each value is read, and what is kept.</summary>
    private interface IObjectFields
    {
        /// <summary>Gets the bits of the properties the object must have.</summary>
        int Required { get; }

        /// <summary>Gets the bit of a property name, or 0 for a name not of the usual shape.</summary>
        int Field(ReadOnlySpan<byte> name);

        /// <summary>Reads the value of a property; <see langword="false"/> when it is not of the usual shape.</summary>
        bool TryRead(int field, ref JsonLineCursor cursor);
    }

    private struct PostFields(PostJsonReader reader) : IObjectFields
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
        public readonly int Field(ReadOnlySpan<byte> name) => name.Length switch
        {
            2 => name.SequenceEqual("id"u8) ? Id : 0,
            3 => name.SequenceEqual("url"u8) ? Url : 0,
            4 => name.SequenceEqual("text"u8) ? Text : 0,
            6 => name.SequenceEqual("source"u8) ? Source : name.SequenceEqual("author"u8) ? AuthorField : 0,
            7 => name.SequenceEqual("isReply"u8) ? IsReply : 0,
            8 => name.SequenceEqual("language"u8) ? Language
                : name.SequenceEqual("isRepost"u8) ? IsRepost
                : name.SequenceEqual("entities"u8) ? Entities
                : name.SequenceEqual("threadId"u8) ? ThreadId
                : 0,
            9 => name.SequenceEqual("createdAt"u8) ? CreatedAt : name.SequenceEqual("replyToId"u8) ? ReplyToId : 0,
            _ => 0,
        };

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool TryRead(int field, ref JsonLineCursor cursor) => field switch
        {
            Id => reader.TryString(ref cursor, out _id),
            Source => reader.TryRepeatedString(ref cursor, reader._sources, out _source),
            Text => reader.TryString(ref cursor, out _text),
            AuthorField => TryAuthor(ref cursor, reader, out _author),
            CreatedAt => TryTimestamp(ref cursor, out _createdAt),
            Language => cursor.TryTakeNull() || reader.TryRepeatedString(ref cursor, reader._languages, out _language),
            Url => reader.TryUri(ref cursor, out _url),
            ReplyToId => reader.TryNullableString(ref cursor, out _replyToId),
            ThreadId => reader.TryNullableString(ref cursor, out _threadId),
            IsRepost => cursor.TryTakeBoolean(out _isRepost),
            Entities => TryEntities(ref cursor, reader, out _entities),
            IsReply => cursor.TryTakeBoolean(out _), // computed: read and ignored, as by the contract
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

    private struct AuthorFields(PostJsonReader reader) : IObjectFields
    {
        private const int Platform = 1, Handle = 2, DisplayName = 4, ProfileUrl = 8, Followers = 16, VerifiedLinks = 32, IdentityKey = 64;

        private string? _platform, _handle, _displayName;
        private Uri? _profileUrl;
        private long? _followers;
        private IReadOnlyList<Uri>? _verifiedLinks;

        public readonly int Required => Platform | Handle;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public readonly int Field(ReadOnlySpan<byte> name) => name.Length switch
        {
            6 => name.SequenceEqual("handle"u8) ? Handle : 0,
            8 => name.SequenceEqual("platform"u8) ? Platform : 0,
            9 => name.SequenceEqual("followers"u8) ? Followers : 0,
            10 => name.SequenceEqual("profileUrl"u8) ? ProfileUrl : 0,
            11 => name.SequenceEqual("displayName"u8) ? DisplayName : name.SequenceEqual("identityKey"u8) ? IdentityKey : 0,
            13 => name.SequenceEqual("verifiedLinks"u8) ? VerifiedLinks : 0,
            _ => 0,
        };

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool TryRead(int field, ref JsonLineCursor cursor) => field switch
        {
            Platform => reader.TryRepeatedString(ref cursor, reader._platforms, out _platform),
            Handle => reader.TryString(ref cursor, out _handle),
            DisplayName => reader.TryNullableString(ref cursor, out _displayName),
            ProfileUrl => reader.TryUri(ref cursor, out _profileUrl),
            Followers => TryFollowers(ref cursor, out _followers),
            VerifiedLinks => TryUris(ref cursor, reader, out _verifiedLinks),
            IdentityKey => reader.TryIgnoredString(ref cursor), // computed: read and ignored, as by the contract
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

    private struct EntityFields(PostJsonReader reader) : IObjectFields
    {
        private const int Hashtags = 1, Mentions = 2, Cashtags = 4, Links = 8;

        private List<string>? _hashtags, _mentions, _cashtags, _links;

        public readonly int Required => 0;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public readonly int Field(ReadOnlySpan<byte> name) => name.Length switch
        {
            5 => name.SequenceEqual("links"u8) ? Links : 0,
            8 => name.SequenceEqual("hashtags"u8) ? Hashtags
                : name.SequenceEqual("mentions"u8) ? Mentions
                : name.SequenceEqual("cashtags"u8) ? Cashtags
                : 0,
            _ => 0,
        };

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool TryRead(int field, ref JsonLineCursor cursor) => field switch
        {
            Hashtags => TryStrings(ref cursor, reader, out _hashtags),
            Mentions => TryStrings(ref cursor, reader, out _mentions),
            Cashtags => TryStrings(ref cursor, reader, out _cashtags),
            Links => TryStrings(ref cursor, reader, out _links),
            _ => false,
        };

        // Most posts have no entities: they share the empty ones instead of four new lists each.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public readonly PostEntities ToEntities() => (_hashtags ?? _mentions ?? _cashtags ?? _links) is null
            ? PostEntities.Empty
            : new PostEntities { Hashtags = _hashtags!, Mentions = _mentions!, Cashtags = _cashtags!, Links = _links! };
    }
}

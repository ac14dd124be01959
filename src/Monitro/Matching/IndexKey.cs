namespace Monitro.Matching;

/// <summary>The kinds of keys watches are indexed by.</summary>
internal enum IndexKeyKind
{
    /// <summary>A word token.</summary>
    Word,

    /// <summary>A hashtag token.</summary>
    Hashtag,

    /// <summary>A handle token.</summary>
    Mention,

    /// <summary>A cashtag token.</summary>
    Cashtag,

    /// <summary>An emoji token (with or without skin tone).</summary>
    Emoji,

    /// <summary>A URL token.</summary>
    Url,

    /// <summary>An e-mail token.</summary>
    Email,

    /// <summary>A registrable domain of a link.</summary>
    Domain,

    /// <summary>The author's handle or its local part.</summary>
    Author,

    /// <summary>A substring of a run of unspaced script or of a hashtag or handle part (Aho-Corasick).</summary>
    Substring,

    /// <summary>A prefix of a word.</summary>
    Prefix,

    /// <summary>A word within some edits of the key (deletion neighbourhood).</summary>
    Fuzzy,

    /// <summary>A substring of the whole folded text (for exact terms).</summary>
    Exact,
}

/// <summary>A key a watch is indexed by; a post that has none of a watch's keys cannot match it.</summary>
/// <param name="Kind">The kind of key.</param>
/// <param name="Key">The folded key.</param>
/// <param name="MaxEdits">For fuzzy keys, the edit distance.</param>
internal readonly record struct IndexKey(IndexKeyKind Kind, string Key, int MaxEdits = 0)
{
    /// <summary>Gets an estimate of how often the key selects a post that then does not match (lower is better).</summary>
    public double Cost => Kind switch
    {
        IndexKeyKind.Author => 0.5,
        IndexKeyKind.Hashtag or IndexKeyKind.Mention or IndexKeyKind.Cashtag or IndexKeyKind.Url or IndexKeyKind.Email => 2.0 / (Key.Length + 1),
        IndexKeyKind.Domain => 1.0,
        IndexKeyKind.Emoji => 1.5,
        IndexKeyKind.Word => 8.0 / (Key.Length + 1),
        IndexKeyKind.Substring => 4.0 / (Key.Length + 1),
        IndexKeyKind.Exact => 6.0 / (Key.Length + 1),
        IndexKeyKind.Prefix => 20.0 / (Key.Length + 1),
        _ => 30.0 / (Key.Length + 1),
    };
}

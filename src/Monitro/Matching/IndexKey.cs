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

    /// <summary>A substring of a run of unspaced script (Aho-Corasick).</summary>
    Substring,

    /// <summary>A word of four or more characters inside a hashtag or handle (Aho-Corasick over the entity; word boundaries are checked on evaluation).</summary>
    EntitySubstring,

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
    /// <summary>
    /// Gets an estimate of how often the key occurs in posts (lower is better). Without statistics of the stream,
    /// longer keys are taken as rarer (about halving per character, as in natural-language text), very common
    /// words as frequent, and entities as rarer than words of the same length.
    /// </summary>
    public double Cost
    {
        get
        {
            var rarity = Math.Pow(2, -Math.Min(Key.Length, 20));
            return Kind switch
            {
                IndexKeyKind.Author => rarity / 64,
                IndexKeyKind.Hashtag or IndexKeyKind.Mention or IndexKeyKind.Cashtag or IndexKeyKind.Url or IndexKeyKind.Email or IndexKeyKind.Domain => rarity / 8,
                IndexKeyKind.Emoji => 0.01,
                IndexKeyKind.Word => CommonWords.Contains(Key) ? 1.0 : rarity,
                IndexKeyKind.Substring or IndexKeyKind.EntitySubstring => rarity / 16,
                IndexKeyKind.Exact => rarity,
                IndexKeyKind.Prefix => rarity * 64,
                _ => rarity * 256,
            };
        }
    }
}

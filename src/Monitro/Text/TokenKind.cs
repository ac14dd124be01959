namespace Monitro.Text;

/// <summary>The type of a token of social text.</summary>
internal enum TokenKind : byte
{
    /// <summary>A word, or a part of a hashtag or handle split at case changes, underscores and digits.</summary>
    Word,

    /// <summary>A run of a script written without spaces (Han, Kana, Thai, Lao, Khmer, Myanmar), matched by substring.</summary>
    Run,

    /// <summary>A hashtag body without <c>#</c>.</summary>
    Hashtag,

    /// <summary>A handle without <c>@</c>.</summary>
    Mention,

    /// <summary>A cashtag symbol without <c>$</c>.</summary>
    Cashtag,

    /// <summary>A URL without its scheme and leading <c>www.</c>.</summary>
    Url,

    /// <summary>The host of a URL, without a leading <c>www.</c>.</summary>
    Host,

    /// <summary>The registrable domain of a URL's host (for example <c>acme.co.uk</c>).</summary>
    Domain,

    /// <summary>An e-mail address.</summary>
    Email,

    /// <summary>An emoji grapheme cluster without VS16; a cluster with skin tones also yields a second token without them.</summary>
    Emoji,
}

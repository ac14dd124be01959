namespace Monitro.Analysis.Intent;

/// <summary>Cues of a scored intent that count once per text however many of them match.</summary>
internal enum CueGroup
{
    /// <summary>Each phrase counts on its own.</summary>
    None = 0,

    /// <summary>A negation ("didn't", "never", "no"): complaints to companies are full of them.</summary>
    Negation,

    /// <summary>"my": complaints are about the author's own order, bill or account.</summary>
    Possessive,

    /// <summary>A word of praise ("great", "thanks"), which speaks against a complaint unless it is sarcastic.</summary>
    Positive,

    /// <summary>A problem solved ("fixed my", "sorted it", "credit where it's due"): a story with a happy ending is not a complaint.</summary>
    Resolution,

    /// <summary>Plans and talk between friends ("come round", "see you at 8", "text me"): a tag on such a text is a person's.</summary>
    Social,
}

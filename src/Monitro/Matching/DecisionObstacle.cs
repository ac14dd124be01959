namespace Monitro.Matching;

/// <summary>
/// Why the pre-filter did not decide a post that has anchors (<see cref="MatchScratch.Obstacle"/>), or why the anchors'
/// occurrences alone did not decide it: counted by the benchmarks and tests, so the next classes worth deciding are
/// known by their frequency.
/// </summary>
internal enum DecisionObstacle : byte
{
    /// <summary>Nothing stood in the way (or the post was not looked at).</summary>
    None,

    /// <summary>More anchor occurrences than the deciders take (<see cref="WordHitDecider.MaxHits"/>).</summary>
    TooManyHits,

    /// <summary>An occurrence of an anchor of a watch the deciders do not take (a boolean query, NEAR, a filter).</summary>
    SharedAnchor,

    /// <summary>Some index has no decider (a fuzzy term, a word or phrase without an anchor, or no watch of a shape they take).</summary>
    NoDecider,

    /// <summary>The post has links and some key is looked for in links, or some key is looked for in the author's handle.</summary>
    LinksOrAuthor,

    /// <summary>The stretches around the occurrences would cost more than the post (hostile text).</summary>
    RegionBudget,

    /// <summary>The text is not ASCII or ASCII kept apart by emoji, so it is folded before anything is read.</summary>
    FoldedText,

    /// <summary>An occurrence of an anchor that is not all ASCII letters and digits, or of a watch that is not a plain keyword list.</summary>
    NotPlainAnchor,

    /// <summary>An occurrence inside a hashtag.</summary>
    Hashtag,

    /// <summary>An occurrence inside a handle.</summary>
    Handle,

    /// <summary>An occurrence inside a link or e-mail address.</summary>
    Link,

    /// <summary>An occurrence next to an apostrophe (a possessive, a contraction).</summary>
    Apostrophe,

    /// <summary>An occurrence in a term joined with <c>#</c> or <c>+</c> (<c>c#</c>), or next to <c>.</c> or <c>_</c> inside a word.</summary>
    Joined,

    /// <summary>An occurrence next to an emoji.</summary>
    Emoji,

    /// <summary>An occurrence next to other punctuation, or a run longer than the word decider reads.</summary>
    OtherNeighbour,

    /// <summary>A phrase whose neighbouring word is not a plain word.</summary>
    PhraseNeighbour,
}

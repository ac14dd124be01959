namespace Monitro;

/// <summary>What a clause of a query is.</summary>
public enum ClauseKind
{
    /// <summary>Every child must match (<c>a AND b</c>, or <c>a b</c>).</summary>
    And = 0,

    /// <summary>One child must match (<c>a OR b</c>).</summary>
    Or,

    /// <summary>The child must not match (<c>NOT a</c>, <c>-a</c>).</summary>
    Not,

    /// <summary>Both children within a distance (<c>NEAR/n</c>, <c>ONEAR/n</c>).</summary>
    Near,

    /// <summary>A word.</summary>
    Word,

    /// <summary>A quoted phrase.</summary>
    Phrase,

    /// <summary>A prefix (<c>acm*</c>).</summary>
    Prefix,

    /// <summary>A fuzzy word (<c>acme~1</c>).</summary>
    Fuzzy,

    /// <summary>A hashtag, handle, cashtag, emoji, link or e-mail address.</summary>
    Entity,

    /// <summary>Text of a script written without spaces, matched as a substring.</summary>
    Run,

    /// <summary>An exact, case-sensitive literal (<c>!"NASA"</c>).</summary>
    Exact,

    /// <summary>A metadata filter (<c>author:</c>, <c>site:</c>, <c>url:</c>, <c>lang:</c>, <c>source:</c>, <c>is:</c>).</summary>
    Filter,
}

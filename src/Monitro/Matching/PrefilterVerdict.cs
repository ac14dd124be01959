namespace Monitro.Matching;

/// <summary>What the pre-filter made of a post (<see cref="MatcherSnapshot.Prefilter"/>).</summary>
internal enum PrefilterVerdict
{
    /// <summary>The post has no candidate in any level.</summary>
    Skip,

    /// <summary>The post may have candidates: it is tokenized and looked up in the index.</summary>
    Pass,

    /// <summary>The post was matched from its anchors' occurrences as plain words, without tokenizing; its mentions are in the thread's scratch.</summary>
    Decided,

    /// <summary>
    /// The post was matched by tokenizing only the stretches of text around its anchors' occurrences; its mentions are
    /// in the thread's scratch.
    /// </summary>
    DecidedNearHits,
}

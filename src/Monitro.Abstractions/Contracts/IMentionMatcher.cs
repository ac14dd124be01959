namespace Monitro;

/// <summary>A compiled set of watches that finds which of them a post matches.</summary>
/// <remarks>Implementations are thread-safe: posts may be matched while watches are added or removed.</remarks>
public interface IMentionMatcher
{
    /// <summary>Gets the watches currently compiled.</summary>
    IReadOnlyCollection<Watch> Watches { get; }

    /// <summary>Compiles and adds a watch, replacing any watch with the same name.</summary>
    /// <param name="watch">The watch.</param>
    /// <exception cref="ArgumentNullException"><paramref name="watch"/> is <see langword="null"/>.</exception>
    /// <exception cref="QuerySyntaxException">The query does not parse or is not allowed; the message names the position and what was expected.</exception>
    void AddWatch(Watch watch);

    /// <summary>Removes the watch with the given name.</summary>
    /// <param name="name">The name of the watch.</param>
    /// <returns><see langword="true"/> if a watch was removed.</returns>
    bool RemoveWatch(string name);

    /// <summary>Finds the watches a post matches.</summary>
    /// <param name="post">The post.</param>
    /// <returns>One mention per matching watch, with the matched spans; empty when none match.</returns>
    IReadOnlyList<Mention> Match(Post post);
}

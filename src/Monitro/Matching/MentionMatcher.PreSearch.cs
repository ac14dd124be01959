using Monitro.Matching;

namespace Monitro;

/// <summary>The pre-search step of the matcher on its own: which watches a post may match, without evaluating their queries.</summary>
public sealed partial class MentionMatcher
{
    /// <summary>
    /// Finds the watches a post may match: those whose required terms the post contains, as the index finds them
    /// before any query is evaluated. Every watch <see cref="Match"/> would report is among them, and usually only a
    /// few others, so a host that spreads watches over several matchers can send a post only to the matchers it may hit.
    /// </summary>
    /// <param name="post">The post.</param>
    /// <returns>The candidate watches, without duplicates, in no particular order; empty when the post can match none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="post"/> is <see langword="null"/>.</exception>
    public IReadOnlyList<Watch> FindCandidates(Post post)
    {
        ArgumentNullException.ThrowIfNull(post);
        var snapshot = _snapshot;
        if (snapshot.Count == 0)
        {
            return [];
        }

        if (CollectCandidates(snapshot, post) is not { Candidates: var candidates })
        {
            return [];
        }

        var watches = new List<Watch>(candidates.Ids.Count);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in candidates.Ids)
        {
            // A replaced watch may sit in two levels for a while: report its name once.
            var watch = snapshot[id];
            if (!watch.IsRemoved && names.Add(watch.Watch.Name))
            {
                watches.Add(watch.Watch);
            }
        }

        return watches;
    }
}

namespace Monitro;

/// <summary>Reads what a store kept: mentions, a person's timeline, the strongest relationships and the dead letters.</summary>
/// <remarks>
/// <para>Every query is paged by key: a page holds at most <see cref="PageRequest.PageSize"/> items and a
/// continuation token that reads the next page. Rows added while paging never shift or repeat items already read.</para>
/// <para>Implementations are thread-safe, and queries run while the pipeline writes.</para>
/// </remarks>
public interface IMonitroQueries
{
    /// <summary>Gets the mentions of one watch (or all watches) in a time range, newest post first.</summary>
    /// <param name="query">The watch, the time range and the page.</param>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>A page of mentions.</returns>
    /// <exception cref="ArgumentException">The page size is out of range or the continuation token is not valid.</exception>
    ValueTask<Page<Mention>> GetMentionsAsync(MentionQuery query, CancellationToken cancellationToken = default);

    /// <summary>Gets a person's timeline: their posts and the company's replies to them, newest first.</summary>
    /// <param name="personId">The identity key of the person (<see cref="Author.IdentityKey"/>).</param>
    /// <param name="page">The page to read.</param>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>A page of timeline entries.</returns>
    /// <exception cref="ArgumentException">The person id is empty, the page size is out of range or the continuation token is not valid.</exception>
    ValueTask<Page<TimelineEntry>> GetTimelineAsync(string personId, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>Gets the latest relationship snapshot of each person, strongest bond first.</summary>
    /// <param name="page">The page to read.</param>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>A page of snapshots.</returns>
    /// <exception cref="ArgumentException">The page size is out of range or the continuation token is not valid.</exception>
    ValueTask<Page<RelationshipSnapshot>> GetTopRelationshipsAsync(PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>Gets the dead letters (unreadable source items and alerts given up), newest first.</summary>
    /// <param name="page">The page to read.</param>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>A page of dead letters with their reasons.</returns>
    /// <exception cref="ArgumentException">The page size is out of range or the continuation token is not valid.</exception>
    ValueTask<Page<DeadLetter>> GetDeadLettersAsync(PageRequest page, CancellationToken cancellationToken = default);
}

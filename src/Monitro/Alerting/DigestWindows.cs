using System.Globalization;

namespace Monitro.Alerting;

/// <summary>
/// The open digest windows of one rule, each grouped by watch. A window closes when the clock passes its end;
/// then it becomes one digest alert keyed <c>digest|rule|window-start</c>. Windows with no mention send nothing.
/// </summary>
internal sealed class DigestWindows
{
    private readonly SortedDictionary<DateTimeOffset, Dictionary<string, MentionTally>> _open = [];

    public DigestWindows(DigestPeriod period) => Period = period;

    public DigestPeriod Period { get; }

    /// <summary>Adds a mention to the window of <paramref name="now"/>.</summary>
    /// <returns>The start of the window, and whether the mention is new to it.</returns>
    public (DateTimeOffset Start, bool Added) Add(Mention mention, DateTimeOffset now)
    {
        var start = StartOf(now);
        return (start, AddTo(start, mention));
    }

    /// <summary>Gets the end of the first open window: the moment <see cref="CloseDue"/> next has a digest to send, or <see langword="null"/> when no window is open.</summary>
    public DateTimeOffset? FirstEnd => _open.Count == 0 ? null : EndOf(_open.Keys.First());

    /// <summary>Puts a stored mention back into the window that starts at <paramref name="start"/>.</summary>
    public void Restore(DateTimeOffset start, Mention mention) => AddTo(start, mention);

    private bool AddTo(DateTimeOffset start, Mention mention)
    {
        if (!_open.TryGetValue(start, out var watches))
        {
            watches = new Dictionary<string, MentionTally>(StringComparer.Ordinal);
            _open[start] = watches;
        }

        if (!watches.TryGetValue(mention.Watch.Name, out var tally))
        {
            tally = new MentionTally(mention.Watch);
            watches[mention.Watch.Name] = tally;
        }

        var before = tally.Count;
        tally.Add(mention);
        return tally.Count != before;
    }

    /// <summary>Closes the windows that ended at or before <paramref name="now"/> and returns their digests.</summary>
    public List<Alert> CloseDue(string ruleName, int top, DateTimeOffset now)
    {
        var alerts = new List<Alert>();
        while (_open.Count > 0)
        {
            var (start, watches) = _open.First();
            var end = EndOf(start);
            if (end > now)
            {
                break;
            }

            _open.Remove(start);
            var summaries = watches.Values
                .OrderByDescending(tally => tally.Count).ThenBy(tally => tally.Watch.Name, StringComparer.Ordinal)
                .Select(tally => tally.Summarize(top))
                .ToArray();
            var total = summaries.Sum(summary => summary.Mentions);
            alerts.Add(new Alert
            {
                IdempotencyKey = string.Concat("digest|", ruleName, "|", start.ToString("O", CultureInfo.InvariantCulture)),
                Kind = AlertKinds.Digest,
                RaisedAt = now,
                Title = string.Create(
                    CultureInfo.InvariantCulture,
                    $"[{ruleName}] {(Period == DigestPeriod.Hourly ? "Hourly" : "Daily")} digest: {total} mentions on {summaries.Length} watches, {start:yyyy-MM-dd HH:mm} to {end:HH:mm} UTC"),
                Rule = ruleName,
                Digest = new AlertDigest { WindowStart = start, WindowEnd = end, Watches = summaries },
            });
        }

        return alerts;
    }

    private DateTimeOffset StartOf(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return Period == DigestPeriod.Hourly
            ? new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero)
            : new DateTimeOffset(utc.Year, utc.Month, utc.Day, 0, 0, 0, TimeSpan.Zero);
    }

    private DateTimeOffset EndOf(DateTimeOffset start) => Period == DigestPeriod.Hourly ? start.AddHours(1) : start.AddDays(1);
}

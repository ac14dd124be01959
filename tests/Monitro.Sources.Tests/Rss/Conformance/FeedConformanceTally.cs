using System.Globalization;
using System.Text;

namespace Monitro.Sources.Tests.Rss.Conformance;

/// <summary>What reading one test feed gave: its posts, or the error that escaped the source.</summary>
public sealed record FeedReadResult(FeedTestFile File, IReadOnlyList<Post> Posts, IReadOnlyList<SkippedItem> Skipped, string? Escaped);

/// <summary>Counts, per suite folder, the files read, the entries delivered and the field checks passed, and says which failed.</summary>
public sealed class FeedConformanceTally
{
    private readonly SortedDictionary<string, FolderCounts> _folders = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _skippedShapes = new(StringComparer.Ordinal);
    private readonly List<string> _failures = [];

    /// <summary>Gets the counts of all folders together.</summary>
    public FolderCounts Total { get; } = new();

    /// <summary>Gets the counts of one folder (zero counts for a folder without files).</summary>
    public FolderCounts this[string folder] => _folders.TryGetValue(folder, out var counts) ? counts : new FolderCounts();

    /// <summary>Gets one line per failed check or missing entry, for the test's output.</summary>
    public IReadOnlyList<string> Failures => _failures;

    /// <summary>Adds the result of one file, judged against its expectation.</summary>
    public void Add(FeedReadResult result, Uri origin)
    {
        var file = result.File;
        if (!_folders.TryGetValue(file.Folder, out var folder))
        {
            folder = _folders[file.Folder] = new FolderCounts();
        }

        foreach (var counts in new[] { folder, Total })
        {
            counts.Files++;
            counts.Escaped += result.Escaped is null ? 0 : 1;
            counts.ReadWhole += result.Escaped is null && result.Skipped.Count == 0 ? 1 : 0;
            counts.WithEntries += file.EntryCount > 0 ? 1 : 0;
            counts.YieldingAPost += file.EntryCount > 0 && result.Posts.Count > 0 ? 1 : 0;
            counts.YieldingAllEntries += file.EntryCount > 0 && result.Posts.Count >= file.EntryCount ? 1 : 0;
        }

        if (result.Escaped is not null)
        {
            _failures.Add($"{file.RelativePath}: escaped: {result.Escaped}");
        }
        else if (file.EntryCount > 0 && result.Posts.Count < file.EntryCount)
        {
            _failures.Add($"{file.RelativePath}: {result.Posts.Count} of {file.EntryCount} entries read");
        }

        foreach (var skipped in result.Skipped)
        {
            _failures.Add($"{file.RelativePath}: skipped {skipped.Position}: {skipped.Reason}");
        }

        var expectation = FeedExpectation.Parse(file.Expect);
        foreach (var reason in expectation.Skipped)
        {
            _skippedShapes[reason] = _skippedShapes.GetValueOrDefault(reason) + 1;
        }

        foreach (var check in expectation.Checks)
        {
            var passed = FeedCheckJudge.Passes(check, result.Posts, origin);
            folder.Checks++;
            Total.Checks++;
            folder.ChecksPassed += passed ? 1 : 0;
            Total.ChecksPassed += passed ? 1 : 0;
            if (!passed)
            {
                var actual = check.Entry < result.Posts.Count ? Describe(result.Posts[check.Entry]) : "no such post";
                _failures.Add($"{file.RelativePath}: {check.Clause} -- got {actual}");
            }
        }
    }

    /// <summary>Writes the counts per folder and the clause shapes left unchecked.</summary>
    public string Report()
    {
        var report = new StringBuilder("feedparser conformance through the RSS source\n");
        foreach (var (name, counts) in _folders.Append(new KeyValuePair<string, FolderCounts>("all", Total)))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"  {name,-11} {counts}");
        }

        report.AppendLine("  clauses not checked:");
        foreach (var (reason, count) in _skippedShapes)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"    {count,5}  {reason}");
        }

        return report.ToString();
    }

    private static string Describe(Post post) =>
        $"id={post.Id} url={post.Url} author={post.Author.DisplayName} at={post.CreatedAt:O} text=\"{post.Text.Replace("\n", "\\n", StringComparison.Ordinal)}\"";
}

/// <summary>The counts of one folder of the suite.</summary>
public sealed class FolderCounts
{
    /// <summary>Gets or sets the number of files served.</summary>
    public int Files { get; set; }

    /// <summary>Gets or sets the number of files whose poll failed (an error escaped the parser).</summary>
    public int Escaped { get; set; }

    /// <summary>Gets or sets the number of files that contain at least one item or entry.</summary>
    public int WithEntries { get; set; }

    /// <summary>Gets or sets the number of files read to the end without a skipped part (no syntax error, no entry dropped).</summary>
    public int ReadWhole { get; set; }

    /// <summary>Gets or sets the number of files with entries that yielded at least one post.</summary>
    public int YieldingAPost { get; set; }

    /// <summary>Gets or sets the number of files with entries that yielded a post for every entry.</summary>
    public int YieldingAllEntries { get; set; }

    /// <summary>Gets or sets the number of field checks made.</summary>
    public int Checks { get; set; }

    /// <summary>Gets or sets the number of field checks passed.</summary>
    public int ChecksPassed { get; set; }

    /// <summary>Gets the share of files with entries that yielded a post.</summary>
    public double YieldRate => WithEntries == 0 ? 1 : (double)YieldingAPost / WithEntries;

    /// <summary>Gets the share of field checks passed.</summary>
    public double CheckRate => Checks == 0 ? 1 : (double)ChecksPassed / Checks;

    /// <inheritdoc/>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"files {Files,4}  read whole {ReadWhole,4}  with entries {WithEntries,4}  yielding a post {YieldingAPost,4} ({YieldRate:P1})  all entries {YieldingAllEntries,4}  field checks {ChecksPassed,4}/{Checks,-4} ({CheckRate:P1})  escaped {Escaped}");
}

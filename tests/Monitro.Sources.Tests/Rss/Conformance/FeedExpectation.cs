using System.Text;
using System.Text.RegularExpressions;

namespace Monitro.Sources.Tests.Rss.Conformance;

/// <summary>What a clause of an <c>Expect:</c> expression asks about an entry field Monitro maps.</summary>
public enum FeedField
{
    /// <summary>The entry's title: the first line of the post's text.</summary>
    Title,

    /// <summary>The entry's description, summary or content: the post's text after the title.</summary>
    Body,

    /// <summary>The entry's link: the post's URL.</summary>
    Link,

    /// <summary>One of the entry's links: among the post's links.</summary>
    Links,

    /// <summary>The entry's id or guid: the post's id.</summary>
    Id,

    /// <summary>The entry's author name: the post author's display name.</summary>
    Author,

    /// <summary>The entry's published, updated or created time: the post's time.</summary>
    Date,
}

/// <summary>One checkable clause: entry <see cref="Entry"/>'s <see cref="Field"/> must be <see cref="Value"/>.</summary>
public sealed record FeedCheck(FeedField Field, int Entry, string Value, string Clause);

/// <summary>
/// Splits an <c>Expect:</c> expression into the clauses about fields Monitro maps (<see cref="Checks"/>) and the
/// clauses it does not check, each with the reason (<see cref="Skipped"/>). The shapes read are:
/// <list type="bullet">
/// <item><c>entries[i]['title'|'description'|'summary'] == S</c>, <c>entries[i].summary == S</c>, <c>entries[i]['title_detail'|'summary_detail']['value'] == S</c>, <c>entries[i]['content'][j]['value'] == S</c>;</item>
/// <item><c>entries[i]['link'] == S</c>, <c>entries[i].link == S</c>, <c>entries[i]['links'][j]['href'] == S</c>;</item>
/// <item><c>entries[i]['id'|'guid'] == S</c>, <c>entries[i]['author'] == S</c>, <c>entries[i]['author_detail']['name'] == S</c>;</item>
/// <item><c>entries[i]['published_parsed'|'updated_parsed'|'created_parsed'|'modified_parsed'] == (y, m, d, H, M, S, …)</c>.</item>
/// </list>
/// S is one or more Python string literals joined with <c>+</c>.
/// </summary>
public sealed partial class FeedExpectation
{
    /// <summary>Why the well-formedness clauses are not checked.</summary>
    public const string BozoReason = "well-formedness verdict (bozo): Monitro reads leniently and reports syntax errors as skipped items, it keeps no such flag";

    /// <summary>Why feed-level clauses are not checked.</summary>
    public const string FeedReason = "feed-level metadata (feed[...]): Monitro models entries only";

    /// <summary>Why document clauses are not checked.</summary>
    public const string DocumentReason = "document properties (encoding, version, headers, etag, namespaces): Monitro does not expose them";

    /// <summary>Why other entry fields are not checked.</summary>
    public const string EntryFieldReason = "entry field Monitro does not model (detail types, xml:base values, languages, tags, enclosures, source, iTunes, geo, contributors…)";

    /// <summary>Why raw date strings are not checked.</summary>
    public const string RawDateReason = "raw date text (entries[i]['published'] == '…'): Monitro keeps only the parsed instant, which the *_parsed clauses check";

    /// <summary>Why other shapes are not checked.</summary>
    public const string OtherReason = "other expression shapes (lengths, chained comparisons, type checks)";

    private FeedExpectation(IReadOnlyList<FeedCheck> checks, IReadOnlyList<string> skipped)
    {
        Checks = checks;
        Skipped = skipped;
    }

    /// <summary>Gets the clauses checked against the posts.</summary>
    public IReadOnlyList<FeedCheck> Checks { get; }

    /// <summary>Gets the reasons of the clauses not checked, one per clause.</summary>
    public IReadOnlyList<string> Skipped { get; }

    /// <summary>Reads an expression.</summary>
    public static FeedExpectation Parse(string expect)
    {
        var checks = new List<FeedCheck>();
        var skipped = new List<string>();
        foreach (var clause in SplitAnd(expect))
        {
            var check = TryCheck(clause);
            if (check is not null)
            {
                checks.Add(check);
            }
            else
            {
                skipped.Add(Classify(clause));
            }
        }

        return new FeedExpectation(checks, skipped);
    }

    private static FeedCheck? TryCheck(string clause)
    {
        var date = DateClause().Match(clause);
        if (date.Success)
        {
            var parts = date.Groups["tuple"].Value.Split(',').Take(6).Select(p => int.Parse(p.Trim(), System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            var value = $"{parts[0]:D4}-{parts[1]:D2}-{parts[2]:D2}T{parts[3]:D2}:{parts[4]:D2}:{parts[5]:D2}Z";
            return new FeedCheck(FeedField.Date, int.Parse(date.Groups["entry"].Value, System.Globalization.CultureInfo.InvariantCulture), value, clause);
        }

        var match = FieldClause().Match(clause);
        if (!match.Success)
        {
            return null;
        }

        var field = match.Groups["path"].Value switch
        {
            "['title']" or "['title_detail']['value']" => FeedField.Title,
            "['description']" or "['summary']" or ".summary" or "['summary_detail']['value']" => FeedField.Body,
            var p when ContentValue().IsMatch(p) => FeedField.Body,
            "['link']" or ".link" => FeedField.Link,
            var p when LinkHref().IsMatch(p) => FeedField.Links,
            "['id']" or "['guid']" => FeedField.Id,
            "['author']" or "['author_detail']['name']" => FeedField.Author,
            _ => (FeedField?)null,
        };
        var literal = field is null ? null : PythonLiteral.TryRead(match.Groups["value"].Value);
        return literal is null
            ? null
            : new FeedCheck(field!.Value, int.Parse(match.Groups["entry"].Value, System.Globalization.CultureInfo.InvariantCulture), literal, clause);
    }

    private static string Classify(string clause) => clause switch
    {
        _ when clause.Contains("bozo", StringComparison.Ordinal) => BozoReason,
        _ when clause.StartsWith("feed", StringComparison.Ordinal) || clause.Contains("in feed", StringComparison.Ordinal) => FeedReason,
        _ when RawDate().IsMatch(clause) => RawDateReason,
        _ when EntryField().IsMatch(clause) => EntryFieldReason,
        _ when DocumentClause().IsMatch(clause) => DocumentReason,
        _ => OtherReason,
    };

    /// <summary>Splits on <c> and </c> outside string literals, dropping the parentheses around a whole clause.</summary>
    private static List<string> SplitAnd(string expect)
    {
        var clauses = new List<string>();
        var current = new StringBuilder();
        char? quote = null;
        for (var i = 0; i < expect.Length; i++)
        {
            var c = expect[i];
            if (quote is not null)
            {
                current.Append(c);
                if (c == '\\' && i + 1 < expect.Length)
                {
                    current.Append(expect[++i]);
                }
                else if (c == quote)
                {
                    quote = null;
                }

                continue;
            }

            if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (string.CompareOrdinal(expect, i, " and ", 0, 5) == 0)
            {
                clauses.Add(current.ToString());
                current.Clear();
                i += 4;
                continue;
            }

            current.Append(c);
        }

        clauses.Add(current.ToString());
        return [.. clauses.Select(Unwrap).Where(c => c.Length > 0)];
    }

    private static string Unwrap(string clause)
    {
        var trimmed = clause.Trim();
        return trimmed.StartsWith('(') && trimmed.EndsWith(')') && !DateClause().IsMatch(trimmed) ? trimmed[1..^1].Trim() : trimmed;
    }

    [GeneratedRegex(@"^entries\[(?<entry>\d+)\](?<path>(?:\[[^\]]+\]|\.\w+)+) == (?<value>[uUrR]?['""].*)$", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex FieldClause();

    [GeneratedRegex(@"^entries\[(?<entry>\d+)\]\['(?:published|updated|created|modified)_parsed'\] == \((?<tuple>[\d,\s]+)\)$", RegexOptions.CultureInvariant)]
    private static partial Regex DateClause();

    [GeneratedRegex(@"^\['content'\]\[\d+\]\['value'\]$", RegexOptions.CultureInvariant)]
    private static partial Regex ContentValue();

    [GeneratedRegex(@"^\['links'\]\[\d+\]\['href'\]$", RegexOptions.CultureInvariant)]
    private static partial Regex LinkHref();

    [GeneratedRegex(@"^entries\[\d+\]\['(?:published|updated|created|modified|issued|date)'\] == ", RegexOptions.CultureInvariant)]
    private static partial Regex RawDate();

    [GeneratedRegex(@"^(?:not |len\()?entries\[\d+\]", RegexOptions.CultureInvariant)]
    private static partial Regex EntryField();

    [GeneratedRegex(@"^(?:not )?(?:encoding|version|headers|etag|modified|namespaces|'\w+' not in|.*locals\(\))", RegexOptions.CultureInvariant)]
    private static partial Regex DocumentClause();
}

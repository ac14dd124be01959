using System.Globalization;
using Monitro.Testing;
using Xunit.Abstractions;
using YamlDotNet.RepresentationModel;

namespace Monitro.Tests.Text;

/// <summary>
/// Checks <see cref="SocialText.Extract"/> against the twitter-text extraction suite, read at run time from the
/// shared conformance folder. Cases Monitro reads differently on purpose are listed with their reason (and in
/// docs/query-language.md); they must still differ, so the list stays true.
/// </summary>
public sealed class TwitterTextConformanceTests(ITestOutputHelper output)
{
    private const string Suite = "twitter-text/extract.yml";

    private static readonly Dictionary<string, string> DeliberateDifferences = new(StringComparer.Ordinal)
    {
        ["Extract lone metion but not @user@user (too close to an email)"] = "a fediverse handle names its server: @test@example.com is one handle",
        ["Extract a list"] = "a Twitter list path is not part of the handle: @username/list-name mentions @username",
        ["Extract a mention and list"] = "a Twitter list path is not part of the handle",
        ["Extract a list in the middle of a Japanese tweet"] = "a Twitter list path is not part of the handle",
    };

    private static readonly Lazy<YamlMappingNode> Tests = new(Load);

    [SkippableFact]
    public void Hashtags_MatchTheSuite() =>
        Check(SocialEntityKind.Hashtag, "hashtag", 1.0, "hashtags", "hashtags_from_astral", "hashtags_with_indices");

    [SkippableFact]
    public void Mentions_MatchTheSuite() =>
        Check(SocialEntityKind.Mention, "screen_name", 1.0, "mentions", "mentions_with_indices", "mentions_or_lists_with_indices");

    [SkippableFact]
    public void Cashtags_MatchTheSuite() =>
        Check(SocialEntityKind.Cashtag, "cashtag", 1.0, "cashtags", "cashtags_with_indices");

    [SkippableFact]
    public void Urls_MatchAtLeastNinetyFivePercentOfTheSuite() =>
        Check(SocialEntityKind.Url, "url", 0.95, "urls", "urls_with_indices", "urls_with_directional_markers", "tco_urls_with_params");

    private void Check(SocialEntityKind kind, string valueKey, double required, params string[] sections)
    {
        var skipReason = ConformanceData.SkipReason(Suite);
        Skip.If(skipReason is not null, skipReason);
        var total = 0;
        var passed = 0;
        var failures = new List<string>();
        var unexpectedPasses = new List<string>();
        foreach (var section in sections)
        {
            var cases = (YamlSequenceNode)Tests.Value.Children[new YamlScalarNode(section)];
            var sectionPassed = 0;
            foreach (YamlMappingNode testCase in cases)
            {
                var description = Scalar(testCase, "description");
                var text = Scalar(testCase, "text");
                var expected = Expected(testCase, valueKey);
                var actual = SocialText.Extract(text)
                    .Where(e => e.Kind == kind)
                    .Select(e => expected.WithIndices ? Describe(e.Value, text, e.Start, e.Length) : e.Value)
                    .ToList();
                var ok = actual.SequenceEqual(expected.Values, StringComparer.Ordinal);
                var deliberate = DeliberateDifferences.ContainsKey(description);
                if (ok)
                {
                    sectionPassed++;
                    if (deliberate)
                    {
                        unexpectedPasses.Add(description);
                    }
                }
                else if (!deliberate)
                {
                    failures.Add($"{section}: {description}: text {Quote(text)} expected [{string.Join(", ", expected.Values)}] got [{string.Join(", ", actual)}]");
                }
            }

            total += cases.Children.Count;
            passed += sectionPassed;
            Report($"twitter-text {section}: {sectionPassed}/{cases.Children.Count} pass");
        }

        Report($"twitter-text {kind}: {passed}/{total} pass, {total - passed - failures.Count} deliberate differences");
        foreach (var failure in failures)
        {
            Report("  differs: " + failure);
        }

        Assert.Empty(unexpectedPasses);
        if (required >= 1.0)
        {
            Assert.Empty(failures);
        }
        else
        {
            Assert.True(passed >= required * total, $"{passed}/{total} pass, below {required:P0}");
        }
    }

    // The runner shows test output only on failure or with a detailed logger; the counts also go to the console.
    private void Report(string line)
    {
        output.WriteLine(line);
        Console.WriteLine(line);
    }

    private static (List<string> Values, bool WithIndices) Expected(YamlMappingNode testCase, string valueKey)
    {
        if (!testCase.Children.TryGetValue(new YamlScalarNode("expected"), out var node) || node is not YamlSequenceNode sequence)
        {
            return ([], false);
        }

        var values = new List<string>();
        var withIndices = false;
        foreach (var item in sequence)
        {
            if (item is YamlScalarNode scalar)
            {
                values.Add(scalar.Value ?? string.Empty);
                continue;
            }

            withIndices = true;
            var mapping = (YamlMappingNode)item;
            var value = Scalar(mapping, valueKey);
            if (mapping.Children.TryGetValue(new YamlScalarNode("list_slug"), out var slug))
            {
                value += ((YamlScalarNode)slug).Value;
            }

            var indices = (YamlSequenceNode)mapping.Children[new YamlScalarNode("indices")];
            values.Add($"{value} [{((YamlScalarNode)indices[0]).Value}, {((YamlScalarNode)indices[1]).Value}]");
        }

        return (values, withIndices);
    }

    // twitter-text counts offsets in code points.
    private static string Describe(string value, string text, int start, int length) =>
        string.Create(CultureInfo.InvariantCulture, $"{value} [{CodePoints(text, start)}, {CodePoints(text, start + length)}]");

    private static int CodePoints(string text, int utf16Offset)
    {
        var count = 0;
        for (var i = 0; i < utf16Offset; i++)
        {
            if (!(char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1])))
            {
                count++;
            }
        }

        return count;
    }

    private static string Scalar(YamlMappingNode mapping, string key) =>
        ((YamlScalarNode)mapping.Children[new YamlScalarNode(key)]).Value ?? string.Empty;

    private static string Quote(string text) =>
        "\"" + string.Concat(text.Select(c => c < ' ' || c is >= '\u2000' and <= '\u206F' ? $"\\u{(int)c:X4}" : c.ToString())) + "\"";

    private static YamlMappingNode Load()
    {
        using var reader = new StreamReader(ConformanceData.Require(Suite));
        var stream = new YamlStream();
        stream.Load(reader);
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        return (YamlMappingNode)root.Children[new YamlScalarNode("tests")];
    }
}

using CsCheck;

namespace Monitro.Tests.Matching;

public sealed class QueryFuzzTests
{
    private static readonly Gen<string> Fragment = Gen.Frequency(
        (6, Gen.Char["()\"“”!-*~/:#@$&|\\ \t_.'’0123456789aAzZ"].Select(c => c.ToString())),
        (3, Gen.OneOf("AND", "OR", "NOT", "NEAR/", "ONEAR/", "NEAR/2", "raw:", "site:", "url:", "author:", "lang:", "is:", "source:", "acme", "東京", "👍🏽", "\u200B", "\u0301", "\uD800", "ß")),
        (1, Gen.Char.Select(c => c.ToString())));

    [Fact]
    public void Validate_RandomStrings_ThrowOnlyQuerySyntaxException() =>
        Fragment.Array[0, 30].Select(string.Concat).Sample(
            query =>
            {
                try
                {
                    MonitroQuery.Validate(query);
                }
                catch (QuerySyntaxException error)
                {
                    Assert.InRange(error.Position, 0, query.Length);
                    Assert.False(string.IsNullOrEmpty(error.Reason));
                }
            },
            iter: 20_000,
            threads: 1);

    [Fact]
    public void Match_RandomValidQueriesOnRandomText_DoesNotThrow() =>
        Gen.Select(Fragment.Array[1, 20].Select(string.Concat), Fragment.Array[0, 40].Select(string.Concat)).Sample(
            sample =>
            {
                var (query, text) = sample;
                var matcher = new MentionMatcher();
                try
                {
                    matcher.AddWatch(new Watch { Name = "w", Query = query });
                }
                catch (QuerySyntaxException)
                {
                    return;
                }

                foreach (var mention in matcher.Match(TestPosts.Create(text)))
                {
                    Assert.All(mention.Spans, s => Assert.InRange(s.End, s.Start, text.Length));
                }
            },
            iter: 10_000,
            threads: 1);
}

using CsCheck;
using Monitro.Matching;

namespace Monitro.Tests.Matching;

public sealed class PrefixTableTests
{
    // A small alphabet makes keys prefixes of each other and of the words often.
    private static readonly Gen<string> Text = Gen.String[Gen.Char["abcé"], 1, 6];

    [Fact]
    public void Collect_FindsExactlyTheKeysTheWordStartsWith()
    {
        Gen.Select(Text.Array[0, 30], Text).Sample((keys, word) =>
        {
            var distinct = keys.Distinct(StringComparer.Ordinal).ToArray();
            var postings = new PostingTable();
            for (var id = 0; id < distinct.Length; id++)
            {
                postings.Add(distinct[id], id);
            }

            var table = new PrefixTable(postings.Freeze());
            var candidates = new CandidateSet();
            candidates.Reset(distinct.Length);
            table.Collect(word, candidates, offset: 0);

            var expected = Enumerable.Range(0, distinct.Length).Where(id => word.StartsWith(distinct[id], StringComparison.Ordinal));
            Assert.Equal(expected, candidates.Ids.Order());
        }, iter: 3_000);
    }

    [Fact]
    public void Collect_KeysSortedBetweenAPrefixAndTheWord_StillFindsThePrefix()
    {
        var postings = new PostingTable();
        string[] keys = ["acm", "acma", "acmb", "acme", "acmz"];
        for (var id = 0; id < keys.Length; id++)
        {
            postings.Add(keys[id], id);
        }

        var table = new PrefixTable(postings.Freeze());
        var candidates = new CandidateSet();
        candidates.Reset(keys.Length);
        table.Collect("acmex", candidates, offset: 10);

        Assert.Equal([10, 13], candidates.Ids.Order());
    }
}

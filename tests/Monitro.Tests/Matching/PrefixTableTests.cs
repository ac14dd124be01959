using CsCheck;
using Monitro.Matching;

namespace Monitro.Tests.Matching;

public sealed class PrefixTableTests
{
    // A small alphabet makes keys prefixes of each other and of the words often.
    private static readonly Gen<char> Letter = Gen.Char["abcé"];

    // Keys of one character turn off the lookup by the first two characters, so both paths are checked.
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Collect_FindsExactlyTheKeysTheWordStartsWith(int shortestKey)
    {
        Gen.Select(Gen.String[Letter, shortestKey, 6].Array[0, 30], Gen.String[Letter, 0, 7]).Sample((keys, word) =>
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

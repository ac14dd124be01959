using CsCheck;
using Monitro.Matching;

namespace Monitro.Tests.Matching;

public sealed class PostingTableTests
{
    // A small alphabet gives many keys that share prefixes and hash slots.
    private static readonly Gen<char> Letter = Gen.Char["abé"];

    // With the default bars the small tables here have neither a filter nor records; with a bar of one key every table has it.
    [Theory]
    [InlineData(PostingTable.FilterMinimumKeys, PostingTable.InlineMinimumKeys)]
    [InlineData(1, PostingTable.InlineMinimumKeys)]
    [InlineData(PostingTable.FilterMinimumKeys, 1)]
    [InlineData(1, 1)]
    public void TryGetValue_FindsEveryKeyWithItsIdsAndNothingElse(int filterMinimumKeys, int inlineMinimumKeys)
    {
        Gen.Select(Gen.String[Letter, 0, 5].Array[0, 60], Gen.String[Letter, 0, 6]).Sample((keys, probe) =>
        {
            var expected = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
            var table = new PostingTable(filterMinimumKeys: filterMinimumKeys, inlineMinimumKeys: inlineMinimumKeys);
            var slots = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var id = 0; id < keys.Length; id++)
            {
                // Each id under its key and, for every other id, under the key before it too: several ids per key.
                AddAndCheckSlot(table, slots, keys[id], id);
                Remember(expected, keys[id], id);
                if (id % 2 == 1 && keys[id - 1] != keys[id])
                {
                    AddAndCheckSlot(table, slots, keys[id - 1], id);
                    Remember(expected, keys[id - 1], id);
                }
            }

            Assert.Equal(slots.TryGetValue(probe, out var probeSlot) ? probeSlot : -1, table.SlotOf(probe));
            table.Freeze();
            foreach (var (key, slot) in slots)
            {
                Assert.Equal(key, table.Keys[slot]);
            }

            Assert.Equal(expected.Count > 0 && filterMinimumKeys == 1, table.HasFilter);
            Assert.Equal(expected.Count > 0 && inlineMinimumKeys == 1, table.HasRecords);
            Assert.Equal(expected.Count, table.Count);
            Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), table.Keys.Order(StringComparer.Ordinal));
            foreach (var (key, ids) in expected)
            {
                Assert.True(table.TryGetValue(key, out var postings), key);
                Assert.Equal(ids, postings.ToArray());
            }

            // The slots are numbered as the keys were first added, and the indexer reads each slot's ids.
            for (var slot = 0; slot < table.Count; slot++)
            {
                Assert.Equal(expected[table.Keys[slot]], table[slot].ToArray());
            }

            Assert.Equal(expected.ContainsKey(probe), table.TryGetValue(probe.AsSpan(), out var found));
            Assert.Equal(expected.TryGetValue(probe, out var probeIds) ? probeIds : [], found.ToArray());
        });
    }

    [Fact]
    public void TryGetValue_OnAnEmptyTable_FindsNothing()
    {
        var table = new PostingTable().Freeze();
        Assert.Equal(0, table.Count);
        Assert.False(table.TryGetValue("acme", out var postings));
        Assert.True(postings.IsEmpty);
    }

    // A key's slot is the number of keys added before it first was, and stays its slot.
    private static void AddAndCheckSlot(PostingTable table, Dictionary<string, int> slots, string key, int id)
    {
        var expected = slots.TryGetValue(key, out var known) ? known : slots.Count;
        Assert.Equal(expected, table.Add(key, id));
        Assert.Equal(expected, table.SlotOf(key));
        slots[key] = expected;
    }

    private static void Remember(SortedDictionary<string, List<int>> expected, string key, int id)
    {
        if (!expected.TryGetValue(key, out var ids))
        {
            expected[key] = ids = [];
        }

        if (ids.Count == 0 || ids[^1] != id)
        {
            ids.Add(id);
        }
    }
}

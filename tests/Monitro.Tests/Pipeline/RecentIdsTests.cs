using System.Globalization;
using Monitro.Pipeline;

namespace Monitro.Tests.Pipeline;

/// <summary>
/// The recent ids answer "seen recently?" and remember the id in one look-up, forget the oldest first once full, and
/// keep every id while they grow up to their capacity.
/// </summary>
public sealed class RecentIdsTests
{
    [Fact]
    public void TryAdd_SameIdTwice_OnlyTheFirstIsNew()
    {
        var ids = new RecentIds(capacity: 10);

        Assert.True(ids.TryAdd("mastodon:1"));
        Assert.False(ids.TryAdd("mastodon:1"));
        Assert.True(ids.TryAdd("mastodon:2"));
        Assert.Equal(2, ids.Count);
    }

    [Fact]
    public void TryAdd_EqualIdsThatAreDifferentStrings_AreTheSameId()
    {
        var ids = new RecentIds(capacity: 10);

        Assert.True(ids.TryAdd(string.Concat("mastodon:", "42")));
        Assert.False(ids.TryAdd(string.Concat("mastodon:4", "2")));
        Assert.True(ids.TryAdd("MASTODON:42")); // ids are compared ordinally
    }

    [Fact]
    public void TryAdd_PastTheCapacity_ForgetsTheOldestFirst()
    {
        var ids = new RecentIds(capacity: 3);
        foreach (var id in new[] { "a", "b", "c", "d" })
        {
            Assert.True(ids.TryAdd(id));
        }

        Assert.Equal(3, ids.Count);
        Assert.False(ids.TryAdd("b"));
        Assert.False(ids.TryAdd("c"));
        Assert.False(ids.TryAdd("d"));
        Assert.True(ids.TryAdd("a")); // forgotten, so new again; it pushes out "b", the oldest now
        Assert.True(ids.TryAdd("b"));
        Assert.Equal(3, ids.Count);
    }

    [Fact]
    public void TryAdd_GrowingPastItsFirstSize_KeepsEveryIdAndThenForgetsInOrder()
    {
        const int capacity = 5_000; // more than the first size, not a power of two
        var ids = new RecentIds(capacity);
        for (var i = 0; i < capacity; i++)
        {
            Assert.True(ids.TryAdd(Id(i)));
        }

        for (var i = 0; i < capacity; i++)
        {
            Assert.False(ids.TryAdd(Id(i)));
        }

        // Each new id forgets exactly the oldest one, so after 1,000 more the first 1,000 are new again and the rest not.
        for (var i = capacity; i < capacity + 1_000; i++)
        {
            Assert.True(ids.TryAdd(Id(i)));
        }

        Assert.Equal(capacity, ids.Count);
        Assert.All(Enumerable.Range(1_000, capacity - 1_000), i => Assert.False(ids.TryAdd(Id(i))));
        Assert.All(Enumerable.Range(0, 1_000), i => Assert.True(ids.TryAdd(Id(i))));
        Assert.Equal(capacity, ids.Count);
    }

    [Fact]
    public void TryAdd_CapacityZero_RemembersNothing()
    {
        var ids = new RecentIds(capacity: 0);

        Assert.True(ids.TryAdd("a"));
        Assert.True(ids.TryAdd("a"));
        Assert.Equal(0, ids.Count);
    }

    [Fact]
    public void Constructor_NegativeCapacity_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RecentIds(-1));

    private static string Id(int i) => "bluesky:" + i.ToString(CultureInfo.InvariantCulture);
}

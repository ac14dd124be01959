using System.Globalization;
using Monitro.Pipeline;

namespace Monitro.Tests.Pipeline;

/// <summary>
/// The recent items answer "seen recently?" and remember the id in one look-up, forget the oldest first once full,
/// keep every id while they grow up to their capacity, and keep each id's value until it is set again or forgotten.
/// </summary>
public sealed class RecentItemsTests
{
    [Fact]
    public void TryAdd_SameIdTwice_OnlyTheFirstIsNew()
    {
        var ids = new RecentItems<bool>(capacity: 10);

        Assert.True(ids.TryAdd("mastodon:1", true));
        Assert.False(ids.TryAdd("mastodon:1", true));
        Assert.True(ids.TryAdd("mastodon:2", true));
        Assert.Equal(2, ids.Count);
    }

    [Fact]
    public void TryAdd_EqualIdsThatAreDifferentStrings_AreTheSameId()
    {
        var ids = new RecentItems<bool>(capacity: 10);

        Assert.True(ids.TryAdd(string.Concat("mastodon:", "42"), true));
        Assert.False(ids.TryAdd(string.Concat("mastodon:4", "2"), true));
        Assert.True(ids.TryAdd("MASTODON:42", true)); // ids are compared ordinally
    }

    [Fact]
    public void TryAdd_PastTheCapacity_ForgetsTheOldestFirst()
    {
        var ids = new RecentItems<bool>(capacity: 3);
        foreach (var id in new[] { "a", "b", "c", "d" })
        {
            Assert.True(ids.TryAdd(id, true));
        }

        Assert.Equal(3, ids.Count);
        Assert.False(ids.TryAdd("b", true));
        Assert.False(ids.TryAdd("c", true));
        Assert.False(ids.TryAdd("d", true));
        Assert.True(ids.TryAdd("a", true)); // forgotten, so new again; it pushes out "b", the oldest now
        Assert.True(ids.TryAdd("b", true));
        Assert.Equal(3, ids.Count);
    }

    [Fact]
    public void TryAdd_GrowingPastItsFirstSize_KeepsEveryIdAndThenForgetsInOrder()
    {
        const int capacity = 5_000; // more than the first size, not a power of two
        var ids = new RecentItems<bool>(capacity);
        for (var i = 0; i < capacity; i++)
        {
            Assert.True(ids.TryAdd(Id(i), true));
        }

        for (var i = 0; i < capacity; i++)
        {
            Assert.False(ids.TryAdd(Id(i), true));
        }

        // Each new id forgets exactly the oldest one, so after 1,000 more the first 1,000 are new again and the rest not.
        for (var i = capacity; i < capacity + 1_000; i++)
        {
            Assert.True(ids.TryAdd(Id(i), true));
        }

        Assert.Equal(capacity, ids.Count);
        Assert.All(Enumerable.Range(1_000, capacity - 1_000), i => Assert.False(ids.TryAdd(Id(i), true)));
        Assert.All(Enumerable.Range(0, 1_000), i => Assert.True(ids.TryAdd(Id(i), true)));
        Assert.Equal(capacity, ids.Count);
    }

    [Fact]
    public void TryAdd_CapacityZero_RemembersNothing()
    {
        var ids = new RecentItems<bool>(capacity: 0);

        Assert.True(ids.TryAdd("a", true));
        Assert.True(ids.TryAdd("a", true));
        Assert.Equal(0, ids.Count);
    }

    [Fact]
    public void SetAndTryGetValue_KeepTheLatestValueUntilTheIdIsForgotten()
    {
        var items = new RecentItems<string>(capacity: 2);

        items.Set("a", "first");
        Assert.False(items.TryAdd("a", "ignored"));
        Assert.True(items.TryGetValue("a", out var value));
        Assert.Equal("first", value);

        items.Set("a", "second");
        Assert.True(items.TryGetValue("a", out value));
        Assert.Equal("second", value);
        Assert.Equal(1, items.Count);

        items.Set("b", "b");
        items.Set("c", "c"); // forgets "a", the oldest: setting its value again did not make it newer
        Assert.False(items.TryGetValue("a", out value));
        Assert.Null(value);
        Assert.True(items.TryGetValue("b", out value));
        Assert.Equal("b", value);
    }

    [Fact]
    public void SetAndTryGetValue_CapacityZero_KeepNothing()
    {
        var items = new RecentItems<string>(capacity: 0);

        items.Set("a", "value");
        Assert.False(items.TryGetValue("a", out _));
    }

    [Fact]
    public void Constructor_NegativeCapacity_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RecentItems<bool>(-1));

    private static string Id(int i) => "bluesky:" + i.ToString(CultureInfo.InvariantCulture);
}

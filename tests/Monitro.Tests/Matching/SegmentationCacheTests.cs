using CsCheck;
using Monitro.Matching;
using Monitro.Text;

namespace Monitro.Tests.Matching;

public sealed class SegmentationCacheTests
{
    // Parts that come back, and random ones of few letters, many of which share a slot of the cache.
    private static readonly Gen<string> Part = Gen.Frequency(
        (3, Gen.OneOf("acmerocks", "blackfriday", "wholesale", "wedding", "newiphonefund", "tidewell", "teamacme", "acme", "rocks")),
        (2, Gen.String[Gen.Char["acemorstw"], 2, 40]));

    [Fact]
    public void PartsSplitThroughTheCache_AreSplitAsBySegmentingThemAgain()
    {
        var hits = 0;
        Part.Array[50, 400].Sample(parts =>
        {
            var cache = new SegmentationCache();
            var kept = new int[64];
            var fresh = new int[64];
            foreach (var part in parts)
            {
                var expected = WordSegmenter.Segment(part, fresh);
                if (cache.TryGet(part, kept, out var count))
                {
                    hits++;
                }
                else
                {
                    count = WordSegmenter.Segment(part, kept);
                    cache.Add(part, kept.AsSpan(0, count));
                }

                Assert.Equal(fresh.AsSpan(0, expected).ToArray(), kept.AsSpan(0, count).ToArray());
            }
        }, iter: 50);

        Assert.True(hits > 1_000, $"only {hits} parts were found in the cache");
    }

    [Fact]
    public void TryGet_FindsAKeptPart_AndNoOther()
    {
        var cache = new SegmentationCache();
        var boundaries = new int[64];
        Assert.False(cache.TryGet("acmerocks", boundaries, out _));
        cache.Add("acmerocks", [4]);
        Assert.True(cache.TryGet("acmerocks", boundaries, out var count));
        Assert.Equal([4], boundaries.AsSpan(0, count).ToArray());
        Assert.False(cache.TryGet("acmerock", boundaries, out _));
        Assert.False(cache.TryGet("acmerockz", boundaries, out _));

        var longPart = new string('a', SegmentationCache.MaxLength + 1);
        cache.Add(longPart, [1]);
        Assert.False(cache.TryGet(longPart, boundaries, out _));
    }
}

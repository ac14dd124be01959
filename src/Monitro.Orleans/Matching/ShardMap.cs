using System.IO.Hashing;
using System.Text;

namespace Monitro.Orleans.Matching;

/// <summary>Which matcher shard holds a watch: a stable hash of its tenant and name, the same on every silo and every run.</summary>
internal static class ShardMap
{
    public static int ShardOf(string tenantId, string watchName, int shardCount)
    {
        // Tenant and name joined by a byte neither can hold alone ambiguously, so ("a", "bc") and ("ab", "c") differ.
        var key = Encoding.UTF8.GetBytes(string.Concat(tenantId, "\0", watchName));
        return (int)(XxHash32.HashToUInt32(key) % (uint)shardCount);
    }
}

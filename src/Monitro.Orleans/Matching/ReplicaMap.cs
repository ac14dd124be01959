using System.IO.Hashing;
using System.Text;

namespace Monitro.Orleans.Matching;

/// <summary>
/// Which replica of a shard matches a post (a stable hash of the post id, so load spreads evenly and a re-read batch
/// goes where it went before), and the grain key of each replica: replica 0 of shard s is key s.
/// </summary>
internal static class ReplicaMap
{
    public static int ReplicaOf(string postId, int replicas) =>
        replicas == 1 ? 0 : (int)(XxHash32.HashToUInt32(Encoding.UTF8.GetBytes(postId)) % (uint)replicas);

    public static long GrainKey(int shard, int replica, int shardCount) => shard + ((long)replica * shardCount);

    public static int ShardOfKey(long grainKey, int shardCount) => (int)(grainKey % shardCount);

    /// <summary>Splits the posts sent to one shard over its replicas.</summary>
    public static Dictionary<int, List<Post>> Split(List<Post> posts, int replicas)
    {
        if (replicas == 1)
        {
            return new Dictionary<int, List<Post>> { [0] = posts };
        }

        var parts = new Dictionary<int, List<Post>>();
        foreach (var post in posts)
        {
            var replica = ReplicaOf(post.Id, replicas);
            if (!parts.TryGetValue(replica, out var list))
            {
                parts[replica] = list = [];
            }

            list.Add(post);
        }

        return parts;
    }
}

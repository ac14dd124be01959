namespace Monitro;

/// <summary>What the platform answered when a reply was published.</summary>
/// <param name="PostId">The id of our new post, as Monitro names posts (<see cref="Post.CreateId"/>).</param>
/// <param name="Url">The public address of the post, or <see langword="null"/>.</param>
public sealed record PublishedReply(string PostId, Uri? Url);

namespace Monitro.Pipeline;

/// <summary>The per-post stages of a batch; a post that makes one of them throw is kept as a dead letter naming it.</summary>
internal static class PostStage
{
    public const string Normalize = "normalize";
    public const string Match = "match";
    public const string Enrich = "enrich";
    public const string Relate = "relate";
}

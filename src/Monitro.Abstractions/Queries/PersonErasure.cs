namespace Monitro;

/// <summary>What <see cref="IPersonDataEraser.ForgetPersonAsync"/> deleted, to record that a request was carried out.</summary>
/// <param name="PersonId">The identity key of the person.</param>
/// <param name="Identities">The number of platform identities deleted.</param>
/// <param name="Posts">The number of posts deleted (theirs and the company's replies to them).</param>
/// <param name="Mentions">The number of mentions deleted.</param>
/// <param name="Interactions">The number of interactions deleted.</param>
/// <param name="Snapshots">The number of relationship snapshots deleted.</param>
/// <param name="PendingAlerts">The number of undelivered alerts deleted.</param>
/// <param name="DeadLetters">The number of dead-lettered alerts about the person deleted.</param>
public sealed record PersonErasure(string PersonId, int Identities, int Posts, int Mentions, int Interactions, int Snapshots, int PendingAlerts, int DeadLetters)
{
    /// <summary>Gets the total number of rows deleted.</summary>
    public int Total => Identities + Posts + Mentions + Interactions + Snapshots + PendingAlerts + DeadLetters;
}

namespace Monitro.Storage.Shared;

/// <summary>Who an alert is about, so that forgetting a person also deletes the alerts that name them.</summary>
internal static class AlertSubject
{
    /// <summary>
    /// Gets the identity key (or person id) of the one person an alert is about: the author of its mention, or the
    /// person of its relationship transition or inbox item; <see langword="null"/> for alerts about many people (digests, spikes).
    /// </summary>
    public static string? PersonOf(Alert alert) => alert.Mention?.Post.Author.IdentityKey ?? alert.Transition?.PersonId ?? alert.Item?.PersonId;
}

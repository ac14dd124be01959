namespace Monitro.Orleans;

/// <summary>What a tenant declares about itself in the scaled-out path, as <see cref="MonitroOptions"/> declares it in one process.</summary>
public sealed class MonitroTenantOptions
{
    /// <summary>
    /// Gets the tenant's own accounts, as identity keys (<c>platform:handle</c>): their posts are answers (outbound
    /// interactions of the person answered, closing inbox items in the thread), not mentions; posts that address
    /// them or answer them are kept even when they match no watch. The same rules as <see cref="MonitroOptions.OwnAccounts"/>.
    /// </summary>
    public IList<string> OwnAccounts { get; } = [];

    /// <summary>
    /// Gets identities (<c>platform:handle</c>) the tenant knows to be one person, added to the links learnt from
    /// verified domains; the same rules as <see cref="RelationshipOptions.LinkedIdentities"/>, for this tenant alone.
    /// </summary>
    public IList<IdentityLink> LinkedIdentities { get; } = [];

    /// <summary>
    /// Gets or sets a value indicating whether posts by the tenant's <see cref="OwnAccounts"/> can also be its mentions,
    /// as <see cref="MonitroOptions.IncludeOwnPostsAsMentions"/> in one process: they are then stored and alerted like
    /// any mention of a watch they match (still without sentiment or intents, and still our answers in conversations).
    /// </summary>
    /// <value>The default is <see langword="false"/>. Read when a source's lease starts.</value>
    public bool IncludeOwnPostsAsMentions { get; set; }

    /// <summary>
    /// Gets the tenant's alert rules, as <see cref="AlertingOptions"/> in one process: with none, every mention is one
    /// immediate alert and every relationship transition one alert; with rules, the tenant's <see cref="ITenantAlertGrain"/>
    /// applies them to the mentions (immediate alerts, digests, spikes) and the person grains to the transitions.
    /// </summary>
    public AlertingOptions Alerting { get; } = new();
}

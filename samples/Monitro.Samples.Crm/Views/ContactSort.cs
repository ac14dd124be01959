namespace Monitro.Samples.Crm.Views;

/// <summary>The columns the contact list sorts by.</summary>
public enum ContactSort
{
    /// <summary>Open cases.</summary>
    Cases,

    /// <summary>Name.</summary>
    Name,

    /// <summary>Bond (tie strength).</summary>
    Bond,

    /// <summary>Affect (tone).</summary>
    Affect,

    /// <summary>Care (our responsiveness).</summary>
    Care,

    /// <summary>Role.</summary>
    Role,

    /// <summary>Posts in the timeline.</summary>
    Posts,

    /// <summary>The latest post.</summary>
    Latest,
}

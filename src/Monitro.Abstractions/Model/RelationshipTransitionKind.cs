namespace Monitro;

/// <summary>A change in a relationship worth telling someone about.</summary>
public enum RelationshipTransitionKind
{
    /// <summary>The person became a detractor.</summary>
    NewDetractor = 0,

    /// <summary>A detractor's complaint was answered and their tone recovered.</summary>
    DetractorRecovered,

    /// <summary>A prospect's bond reached the warm band.</summary>
    ProspectWarming,

    /// <summary>A complaint (or churn risk) has no answer past its response-time target.</summary>
    ResponseOverdue,

    /// <summary>A relationship that was strong has gone dormant.</summary>
    StrongGoneDormant,
}

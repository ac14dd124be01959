namespace Monitro;

/// <summary>What the author of a post wants or signals.</summary>
public enum IntentLabel
{
    /// <summary>A complaint about a product or service.</summary>
    Complaint = 0,

    /// <summary>A risk that the author leaves ("switching to", "cancel my").</summary>
    ChurnRisk,

    /// <summary>A question or a request for help.</summary>
    Question,

    /// <summary>Interest in buying ("looking for", "recommend a", "alternative to").</summary>
    PurchaseIntent,

    /// <summary>Praise or advocacy ("love", "best", "recommend").</summary>
    Praise,

    /// <summary>The author is looking for a job.</summary>
    JobSeeking,

    /// <summary>The author is hiring.</summary>
    Hiring,

    /// <summary>The author recommends the subject to a third person.</summary>
    Referral,
}

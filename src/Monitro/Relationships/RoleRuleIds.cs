namespace Monitro.Relationships;

/// <summary>The ids of the role rules; documented in docs/relationships.md, stable across versions.</summary>
internal static class RoleRuleIds
{
    public const string CrmPrefix = "crm.";
    public const string OpenComplaint = "detractor.open-complaint";
    public const string NegativeAffect = "detractor.negative-affect";
    public const string Recovered = "detractor.recovered";
    public const string Advocacy = "advocate.praise";
    public const string PurchaseIntent = "prospect.purchase-intent";
    public const string ChurnMeansCustomer = "customer.churn-risk";
    public const string Referral = "referral.recommends-to-others";
    public const string JobSeeking = "talent.job-seeking";
    public const string StrongPositiveBond = "friend.strong-positive-bond";
}

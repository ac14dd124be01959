namespace Monitro;

/// <summary>Why a post needs an answer, the strongest reason first.</summary>
public enum InboxItemKind
{
    /// <summary>The person complains.</summary>
    Complaint,

    /// <summary>The person may leave.</summary>
    ChurnRisk,

    /// <summary>The person asks a question.</summary>
    Question,

    /// <summary>The person shows an intent to buy.</summary>
    PurchaseIntent,

    /// <summary>The post mentions one of our accounts, or answers one of our posts.</summary>
    AddressedToUs,
}

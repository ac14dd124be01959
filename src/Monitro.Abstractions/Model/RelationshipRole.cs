namespace Monitro;

/// <summary>The role a person probably plays for the company; suggested from signals, or stated by the CRM.</summary>
public enum RelationshipRole
{
    /// <summary>Shows interest in buying.</summary>
    Prospect = 0,

    /// <summary>Uses the product.</summary>
    Customer,

    /// <summary>Praises or recommends the company of their own accord; an ambassador candidate.</summary>
    Advocate,

    /// <summary>Complains or speaks negatively, with the matter still open.</summary>
    Detractor,

    /// <summary>Complained, was answered, and the tone recovered.</summary>
    RecoveredDetractor,

    /// <summary>Looks for a job; a potential hire. Employment inferences are off by default.</summary>
    Talent,

    /// <summary>A partner, investor or member of the press.</summary>
    Stakeholder,

    /// <summary>Recommends the company to other people.</summary>
    ReferralSource,

    /// <summary>A strong, warm, two-way relationship without a commercial matter.</summary>
    Friend,

    /// <summary>Works for the company (a CRM fact; never guessed unless employment inferences are on).</summary>
    Employee,
}

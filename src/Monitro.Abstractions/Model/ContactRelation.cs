namespace Monitro;

/// <summary>A relation the CRM records between a contact and the company.</summary>
public enum ContactRelation
{
    /// <summary>The contact is a customer.</summary>
    Customer = 0,

    /// <summary>The contact works for the company.</summary>
    Employee,

    /// <summary>The contact is a partner.</summary>
    Partner,

    /// <summary>The contact is an investor.</summary>
    Investor,

    /// <summary>The contact is a member of the press.</summary>
    Press,

    /// <summary>The contact is a prospect in the sales pipeline.</summary>
    Prospect,
}

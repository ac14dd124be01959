namespace Monitro;

/// <summary>What a watch listens for.</summary>
public enum WatchCategory
{
    /// <summary>Anything else.</summary>
    Custom = 0,

    /// <summary>The user's own brand or company.</summary>
    Brand,

    /// <summary>A person (an executive, an employee, a spokesperson).</summary>
    Person,

    /// <summary>One of the user's products.</summary>
    Product,

    /// <summary>A competitor or its products.</summary>
    Competitor,

    /// <summary>The user's industry or market.</summary>
    Industry,

    /// <summary>A campaign, event or launch.</summary>
    Campaign,
}

namespace Monitro;

/// <summary>The sentiment class of a text.</summary>
public enum SentimentLabel
{
    /// <summary>Neither positive nor negative, or not known.</summary>
    Neutral = 0,

    /// <summary>Positive.</summary>
    Positive,

    /// <summary>Negative.</summary>
    Negative,
}

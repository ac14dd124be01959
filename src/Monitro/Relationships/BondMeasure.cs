namespace Monitro.Relationships;

/// <summary>
/// The numbers of a person's Bond at one moment, before any of it is explained: what transitions read (the value and
/// the band) and what <see cref="BondScore.Explain"/> turns into factors.
/// </summary>
internal readonly record struct BondMeasure(
    double Value,
    string Band,
    double Weight,
    int Days,
    int InboundDays,
    int OutboundDays,
    double Volume,
    bool TwoWay,
    double Balance,
    double Reciprocity,
    TimeSpan Span,
    double Duration,
    TimeSpan Silence);

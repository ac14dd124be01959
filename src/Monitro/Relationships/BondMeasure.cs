namespace Monitro.Relationships;

/// <summary>
/// The numbers of a person's Bond at one moment, before any of it is explained: what transitions read (the value and
/// the band) and what <see cref="BondScore.Explain"/> turns into factors. <see cref="Exchange"/> is the product of the
/// exchange's own factors (volume × reciprocity × duration), before any shared correspondents.
/// </summary>
internal readonly record struct BondMeasure(
    double Value,
    string Band,
    double Weight,
    double InboundWeight,
    double OutboundWeight,
    int Days,
    int InboundDays,
    int OutboundDays,
    double Volume,
    bool TwoWay,
    double Balance,
    double Reciprocity,
    TimeSpan Span,
    int Months,
    double Duration,
    TimeSpan Silence,
    double Exchange,
    SharedCorrespondents? Correspondents,
    double Overlap);

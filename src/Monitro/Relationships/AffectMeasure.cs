namespace Monitro.Relationships;

/// <summary>The numbers of a person's Affect at one moment: the value (none on too little evidence), the decayed mean and the posts counted.</summary>
internal readonly record struct AffectMeasure(double? Value, double Mean, int Observations);

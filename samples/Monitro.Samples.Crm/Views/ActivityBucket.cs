namespace Monitro.Samples.Crm.Views;

/// <summary>One day of a contact's contact with us.</summary>
/// <param name="Start">The day's start (UTC midnight).</param>
/// <param name="Inbound">Their posts (inbound interactions).</param>
/// <param name="Outbound">Our replies to them (outbound interactions).</param>
/// <param name="MeanTone">The mean sentiment of their posts that have one, -1 to +1, or <see langword="null"/>.</param>
public sealed record ActivityBucket(DateTimeOffset Start, int Inbound, int Outbound, double? MeanTone);

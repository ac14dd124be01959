namespace Monitro.Benchmarks.Delivery;

/// <summary>What one store's delivery measured: alerts per second, bytes allocated per alert (every thread's), thread-pool work items per round of <see cref="DeliveryWorkload.AlertsPerRound"/> alerts, and garbage collections of each generation per 100,000 alerts, all during the timed delivery only.</summary>
internal sealed record DeliveryFigures(double AlertsPerSecond, double BytesPerAlert, double WorkItemsPerRound, double[] CollectionsPer100k);

namespace Monitro.Samples.Crm.Views;

/// <summary>A digest, spike or relationship alert as the alerts page lists it.</summary>
/// <param name="Kind">The alert kind (<c>digest</c>, <c>spike</c>, <c>relationship.new-detractor</c>, …).</param>
/// <param name="Title">The title.</param>
/// <param name="Time">When it was raised (on the replay's clock, during a replay).</param>
public sealed record AlertView(string Kind, string Title, string Time);

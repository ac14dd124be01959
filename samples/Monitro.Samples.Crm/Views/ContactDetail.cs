namespace Monitro.Samples.Crm.Views;

/// <summary>Everything the contact page shows.</summary>
/// <param name="Contact">The contact with its scores.</param>
/// <param name="RoleReason">Why the role, when there is one.</param>
/// <param name="Explanation">Monitro's explanation of the scores.</param>
/// <param name="Cases">The open cases.</param>
/// <param name="Timeline">One row per post, newest first.</param>
public sealed record ContactDetail(ContactRow Contact, string? RoleReason, string? Explanation, IReadOnlyList<CaseView> Cases, IReadOnlyList<TimelineRow> Timeline);

namespace Monitro.Samples.Crm.Views;

/// <summary>A contact as the list shows it.</summary>
/// <param name="Id">The contact id.</param>
/// <param name="Name">The name.</param>
/// <param name="Profiles">The social profiles, <c>platform @handle</c>.</param>
/// <param name="Bond">Tie strength, when Monitro scored the person.</param>
/// <param name="Band">The Bond band.</param>
/// <param name="Affect">Tone, 0–100.</param>
/// <param name="Care">Our responsiveness, 0–100.</param>
/// <param name="Role">The main suggested role.</param>
/// <param name="Why">Why: the role's reason, else Monitro's explanation.</param>
/// <param name="Posts">Posts in the timeline.</param>
/// <param name="OpenCases">Open cases.</param>
/// <param name="Latest">The latest post's time.</param>
public sealed record ContactRow(
    string Id, string Name, IReadOnlyList<string> Profiles, double? Bond, string? Band, double? Affect, double? Care, string? Role, string? Why, int Posts, int OpenCases, string? Latest);

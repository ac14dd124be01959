namespace Monitro;

/// <summary>A post that needs an answer from the company and has none yet.</summary>
/// <param name="Interaction">The inbound interaction (question, complaint, churn risk, purchase intent or a post addressed to the company).</param>
/// <param name="Age">How long it has waited, by the store's clock.</param>
public sealed record OpenItem(Interaction Interaction, TimeSpan Age);

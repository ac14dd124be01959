using Monitro.Relationships;
using Monitro.Storage.Shared;

namespace Monitro;

/// <summary>
/// Scores one person from their interaction history without the listening pipeline: the same pure function the
/// pipeline uses (Bond, Affect, Intent, Care, roles), for a CRM that has its own history of contacts.
/// </summary>
/// <remarks>
/// Pure: the same person, interactions, options and moment give the same snapshot. Interactions are recorded once
/// by <see cref="Interaction.Id"/>, whatever their order; the ones with the person are inbound, our own
/// (replies, messages, mentions of them) outbound. Reach is not scored here: it needs the followers of everyone else.
/// A caller whose log covers the whole network can pass the <see cref="SharedCorrespondents"/> of the person, which Bond
/// reads besides the exchange itself (docs/relationships.md, *Shared correspondents*); the pipeline cannot see them.
/// </remarks>
public static class RelationshipScoring
{
    /// <summary>Scores a person at a moment from their interactions.</summary>
    /// <param name="person">The person; their <see cref="Author.IdentityKey"/> is the person id of the snapshot.</param>
    /// <param name="interactions">Every known interaction with the person.</param>
    /// <param name="asOf">The moment to score at; decay and silence are counted up to it.</param>
    /// <param name="options">The scoring parameters; the defaults when <see langword="null"/>.</param>
    /// <param name="contact">What the CRM knows about the person (customer, employee…), which outranks social guesses.</param>
    /// <param name="correspondents">Who else both we and the person exchange messages with, when the caller's log knows it; Bond then
    /// adds the overlap of the two circles (the factor <c>shared-correspondents</c>), and a person with no interaction yet is scored from it alone.</param>
    /// <returns>The snapshot, with each score's factors, evidence and the parameters echoed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="person"/> or <paramref name="interactions"/> is null, or an interaction is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="interactions"/> is empty and no <paramref name="correspondents"/> are given, the
    /// <paramref name="correspondents"/> are inconsistent (negative, or more shared than either side has), or <paramref name="options"/> are not valid (the message names each problem).</exception>
    public static RelationshipSnapshot Score(Author person, IEnumerable<Interaction> interactions, DateTimeOffset asOf, RelationshipOptions? options = null, ContactFacts? contact = null, SharedCorrespondents? correspondents = null)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(interactions);
        options ??= new RelationshipOptions();
        var validation = OptionsValidation.Validate(options, new RelationshipOptionsValidator(), new RelationshipOptionsCustomValidator());
        if (validation.Failed)
        {
            throw new ArgumentException(validation.FailureMessage, nameof(options));
        }

        if (correspondents?.Problem is { } problem)
        {
            throw new ArgumentException(problem, nameof(correspondents));
        }

        var state = new PersonState(person.IdentityKey, person) { Contact = contact };
        var history = new List<Interaction>(interactions.TryGetNonEnumeratedCount(out var count) ? count : 0);
        foreach (var interaction in interactions)
        {
            ArgumentNullException.ThrowIfNull(interaction, nameof(interactions));
            history.Add(interaction);
        }

        // In timeline order first, so each one is appended (a history given newest first would shift the timeline at
        // every insert: quadratic). Of two interactions with one id the earlier is kept, at one instant the first given.
        foreach (var interaction in history.Order(PersonState.TimelineOrder))
        {
            state.Add(interaction, person);
        }

        if (state.Interactions.Count == 0 && correspondents is null)
        {
            throw new ArgumentException("A person is scored from at least one interaction, or from their shared correspondents.", nameof(interactions));
        }

        return PersonScorer.Evaluate(state, new RelationshipParameters(options), asOf, correspondents: correspondents).Snapshot;
    }
}

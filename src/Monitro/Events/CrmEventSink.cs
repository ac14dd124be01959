using Monitro.Alerting.Delivery;

namespace Monitro;

/// <summary>
/// Sends each alert to a CRM as the events it means (see <see cref="CrmEventMapper"/>), one signed webhook request
/// per event, through a <see cref="WebhookAlertSink"/>: the same headers and signature, with the event id as the
/// idempotency key.
/// </summary>
/// <remarks>
/// When one event of an alert fails, the sink throws and the dispatcher sends the alert again later: the events
/// already accepted come again with the same ids, and the receiver ignores them.
/// </remarks>
public sealed class CrmEventSink : IAlertSink
{
    private readonly WebhookAlertSink _webhook;
    private readonly Func<Author, string?>? _contactIdOf;
    private readonly IRelationshipScorer? _relationships;

    /// <summary>Initializes a new instance of the <see cref="CrmEventSink"/> class.</summary>
    /// <param name="webhook">The webhook sink that signs and posts the requests.</param>
    /// <param name="contactIdOf">Tells the CRM contact id of a person, when known; <see langword="null"/> for none.</param>
    /// <param name="relationships">Scores the relationship with the person of each event (<see cref="EventRelationship"/>); <see langword="null"/> for events without scores.</param>
    /// <exception cref="ArgumentNullException"><paramref name="webhook"/> is <see langword="null"/>.</exception>
    public CrmEventSink(WebhookAlertSink webhook, Func<Author, string?>? contactIdOf = null, IRelationshipScorer? relationships = null)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        _webhook = webhook;
        _contactIdOf = contactIdOf;
        _relationships = relationships;
    }

    /// <inheritdoc/>
    /// <remarks>The CRM takes every alert, the inbox item changes included.</remarks>
    public bool Accepts(Alert alert) => true;

    /// <inheritdoc/>
    public async ValueTask DeliverAsync(Alert alert, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        foreach (var crmEvent in CrmEventMapper.Map(alert, _contactIdOf, _relationships))
        {
            await _webhook.PostAsync(crmEvent.Id, crmEvent.Body, cancellationToken).ConfigureAwait(false);
        }
    }
}

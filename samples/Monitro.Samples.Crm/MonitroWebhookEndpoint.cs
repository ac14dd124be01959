using System.Text.Json;
using Monitro.Alerting.Delivery;
using Monitro.Samples.Crm.Data;

namespace Monitro.Samples.Crm;

/// <summary>
/// Receives Monitro's CRM events: verifies the signature and the timestamp (401 otherwise), ignores a key it has
/// processed (200, nothing changes), and applies the event: upsert the profile, add the activity, open a case for
/// a complaint from a person (<see cref="CasePolicy"/>), remove a retracted post, keep digests and spikes, and store
/// the relationship scores the events carry on the contact.
/// </summary>
public static class MonitroWebhookEndpoint
{
    /// <summary>The largest body accepted; Monitro's events are a few kilobytes.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public static async Task<IResult> HandleAsync(HttpRequest request, CrmDatabase database, CrmSettings settings, CasePolicy cases, TimeProvider time, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        var body = buffer.ToArray();
        var now = time.GetUtcNow();
        if (!WebhookSignature.Verify(settings.Secret, request.Headers[WebhookHeaders.Timestamp], body, request.Headers[WebhookHeaders.Signature], now, TimeSpan.FromMinutes(5)))
        {
            return Results.Unauthorized();
        }

        var key = request.Headers[WebhookHeaders.IdempotencyKey].ToString();
        if (key.Length == 0)
        {
            return Results.BadRequest("The Monitro-Idempotency-Key header is missing.");
        }

        try
        {
            var header = JsonSerializer.Deserialize(body, CrmEventJsonContext.Default.CrmEventHeader);
            if (header?.SpecVersion is not { } version || !version.StartsWith("1.", StringComparison.Ordinal))
            {
                return Results.BadRequest("Only spec version 1.x is understood.");
            }

            var applied = header.Type switch
            {
                CrmEventTypes.PersonUpserted => Apply(database, key, now, body, CrmEventJsonContext.Default.CrmEventPersonUpsertedData, (c, t, e) =>
                {
                    CrmDatabase.UpsertProfile(c, t, e.Data.Person, now);
                    ApplyRelationship(c, t, e.Data.Relationship);
                }),
                CrmEventTypes.MentionCreated => Apply(database, key, now, body, CrmEventJsonContext.Default.CrmEventMentionCreatedData, (c, t, e) => CrmDatabase.AddActivity(c, t, e.Data, cases, now)),
                CrmEventTypes.MentionRetracted => Apply(database, key, now, body, CrmEventJsonContext.Default.CrmEventMentionRetractedData, (c, t, e) => CrmDatabase.Retract(c, t, e.Data.PostId)),
                CrmEventTypes.RelationshipChanged => Apply(database, key, now, body, CrmEventJsonContext.Default.CrmEventRelationshipChangedData, (c, t, e) =>
                {
                    CrmDatabase.AddAlert(c, t, e.Id, e.Data.AlertKind, e.Data.Title, e.Time);
                    ApplyRelationship(c, t, e.Data.Relationship);
                }),
                CrmEventTypes.AlertRaised => Apply(database, key, now, body, CrmEventJsonContext.Default.CrmEventAlertRaisedData, (c, t, e) => CrmDatabase.AddAlert(c, t, e.Id, e.Data.Kind, e.Data.Title, e.Time)),
                // Inbox item events (spec 1.1): acknowledged so they are not retried, not kept; the sample has no inbox view yet.
                { } type when type.StartsWith(AlertKinds.ItemPrefix, StringComparison.Ordinal) => false,
                _ => (bool?)null,
            };
            return applied is null ? Results.BadRequest("Unknown event type.") : Results.Ok();
        }
        catch (JsonException)
        {
            // Signed but not an event we can read: a 4xx so Monitro dead-letters it instead of retrying forever.
            return Results.BadRequest("The body is not a valid Monitro event.");
        }
    }

    // Spec 1.2 events about a person carry Monitro's relationship with them: the contact's scores, role and why.
    private static void ApplyRelationship(Microsoft.Data.Sqlite.SqliteConnection connection, Microsoft.Data.Sqlite.SqliteTransaction transaction, EventRelationship? relationship)
    {
        if (relationship is not null)
        {
            CrmDatabase.ApplyRelationship(connection, transaction, RelationshipFacts.From(relationship), relationship.AsOf);
        }
    }

    private static bool Apply<TData>(
        CrmDatabase database,
        string key,
        DateTimeOffset now,
        byte[] body,
        System.Text.Json.Serialization.Metadata.JsonTypeInfo<CrmEvent<TData>> typeInfo,
        Action<Microsoft.Data.Sqlite.SqliteConnection, Microsoft.Data.Sqlite.SqliteTransaction, CrmEvent<TData>> apply)
        where TData : class
    {
        var crmEvent = JsonSerializer.Deserialize(body, typeInfo) ?? throw new JsonException("The event is null.");
        return database.Apply(key, now, (connection, transaction) => apply(connection, transaction, crmEvent));
    }
}

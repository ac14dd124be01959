namespace Monitro;

/// <summary>
/// The envelope of every CRM event: what happened (<see cref="Type"/>), its stable id, when, about what, and the
/// data. Documented in docs/crm-events.md, schema in docs/schemas/crm-event-1.2.schema.json.
/// </summary>
/// <typeparam name="TData">The data of the event type.</typeparam>
public sealed record CrmEvent<TData>
    where TData : class
{
    /// <summary>The spec version of this shape.</summary>
    public const string CurrentSpecVersion = "1.2";

    /// <summary>Gets the spec version; members may be added within a major version, so ignore members you do not know.</summary>
    public string SpecVersion { get; init; } = CurrentSpecVersion;

    /// <summary>Gets the event type (see <see cref="CrmEventTypes"/>).</summary>
    public required string Type { get; init; }

    /// <summary>Gets the stable id of the event; the same event sent again has the same id, so keep the ids you processed.</summary>
    public required string Id { get; init; }

    /// <summary>Gets when the event happened (the alert was raised).</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>Gets who sends the event, <c>monitro</c>.</summary>
    public string Source { get; init; } = "monitro";

    /// <summary>Gets the key of what the event is about: a person's identity key, a post id or an alert id.</summary>
    public required string Subject { get; init; }

    /// <summary>Gets the data.</summary>
    public required TData Data { get; init; }
}

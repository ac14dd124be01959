namespace Monitro.Relationships;

/// <summary>
/// A post from the person that needs an answer, with the first answer from us (if any) and, for complaints,
/// the later post whose tone shows the matter recovered.
/// </summary>
internal sealed record ResponseItem(Interaction Item, TimeSpan Target, bool IsComplaint, Interaction? Answer, Interaction? Recovery)
{
    public DateTimeOffset DueAt => SaturatingTime.After(Item.OccurredAt, Target);

    public TimeSpan? ResponseTime => Answer is null ? null : Answer.OccurredAt - Item.OccurredAt;

    public bool IsOverdue(DateTimeOffset asOf) => Answer is null ? asOf > DueAt : ResponseTime > Target;

    /// <summary>Gets a value indicating whether a complaint is closed: answered, and the person's tone recovered afterwards.</summary>
    public bool IsResolved => Answer is not null && Recovery is not null;
}

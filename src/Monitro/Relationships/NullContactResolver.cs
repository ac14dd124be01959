namespace Monitro.Relationships;

/// <summary>The default resolver: no CRM, so nothing is known about anyone.</summary>
internal sealed class NullContactResolver : IContactResolver
{
    public ValueTask<ContactFacts?> ResolveAsync(string identityKey, CancellationToken cancellationToken = default) => ValueTask.FromResult<ContactFacts?>(null);
}

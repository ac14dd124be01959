using Monitro.Samples.Crm.Data;

namespace Monitro.Samples.Crm;

/// <summary>
/// Tells Monitro which CRM contact a social identity belongs to, from the CRM's own profiles, so relationship
/// scores and events carry the CRM's contact id.
/// </summary>
public sealed class CrmContactResolver(CrmDatabase database) : IContactResolver
{
    /// <inheritdoc />
    public ValueTask<ContactFacts?> ResolveAsync(string identityKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(identityKey);
        cancellationToken.ThrowIfCancellationRequested();
        var contactId = database.ContactIdOf(identityKey);
        return ValueTask.FromResult(contactId is null ? null : new ContactFacts { ContactId = contactId });
    }
}

namespace Monitro.Orleans.People;

/// <summary>The key of a person grain: the tenant and the person's identity key, split by a control character no tenant id holds.</summary>
internal static class PersonKey
{
    private const char Separator = '\u001f';

    public static string Of(string tenantId, string personId) => string.Concat(tenantId, Separator.ToString(), personId);

    public static (string TenantId, string PersonId) Parse(string key)
    {
        var separator = key.IndexOf(Separator, StringComparison.Ordinal);
        if (separator <= 0 || separator == key.Length - 1)
        {
            throw new ArgumentException($"A person grain key is a tenant and an identity key split by U+001F; '{key}' is not.", nameof(key));
        }

        return (key[..separator], key[(separator + 1)..]);
    }
}

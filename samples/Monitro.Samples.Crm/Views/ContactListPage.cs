namespace Monitro.Samples.Crm.Views;

/// <summary>One page of contacts and how many match in all.</summary>
/// <param name="Query">The query that made it.</param>
/// <param name="Total">How many contacts match the search.</param>
/// <param name="Contacts">The contacts on this page.</param>
public sealed record ContactListPage(ContactQuery Query, int Total, IReadOnlyList<ContactRow> Contacts)
{
    /// <summary>Gets the number of pages (at least one).</summary>
    public int Pages => Math.Max(1, (Total + Query.PageSize - 1) / Query.PageSize);
}

using System.Globalization;

namespace Monitro.Samples.Crm.Views;

/// <summary>One page of the contact list: a search, a sort and a page number, read from the address.</summary>
/// <param name="Search">Text to find in names and handles, or <see langword="null"/>.</param>
/// <param name="Sort">The column.</param>
/// <param name="Descending">Whether the order is descending.</param>
/// <param name="Page">The page, from 1.</param>
/// <param name="PageSize">Contacts per page.</param>
public sealed record ContactQuery(string? Search, ContactSort Sort, bool Descending, int Page, int PageSize = ContactQuery.DefaultPageSize)
{
    /// <summary>Contacts per page.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>The longest search kept; longer text is cut.</summary>
    public const int MaxSearchLength = 100;

    /// <summary>Gets the first page, open cases first.</summary>
    public static ContactQuery Default { get; } = new(null, ContactSort.Cases, true, 1);

    /// <summary>Reads <c>q</c>, <c>sort</c>, <c>dir</c> and <c>page</c>; anything unknown falls back to the default.</summary>
    public static ContactQuery From(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var search = query["q"].ToString().Trim();
        var sort = Enum.TryParse<ContactSort>(query["sort"].ToString(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : Default.Sort;
        var descending = query["dir"].ToString() switch
        {
            "asc" => false,
            "desc" => true,
            _ => sort != ContactSort.Name, // names read A to Z; scores and counts highest first
        };
        var page = int.TryParse(query["page"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 ? number : 1;
        return new(search.Length == 0 ? null : search[..Math.Min(search.Length, MaxSearchLength)], sort, descending, page);
    }

    /// <summary>The address of this query's page (relative to the site root).</summary>
    public string ToUrl()
    {
        var parts = new List<string>();
        if (Search is not null)
        {
            parts.Add("q=" + Uri.EscapeDataString(Search));
        }

        parts.Add("sort=" + Sort.ToString().ToLowerInvariant());
        parts.Add("dir=" + (Descending ? "desc" : "asc"));
        parts.Add("page=" + Page.ToString(CultureInfo.InvariantCulture));
        return "/?" + string.Join("&", parts);
    }
}

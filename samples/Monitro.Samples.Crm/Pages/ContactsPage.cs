using System.Globalization;
using System.Text;
using Monitro.Samples.Crm.Views;

namespace Monitro.Samples.Crm.Pages;

/// <summary>The contact list: a search, sortable columns (Bond, Affect, Care, role, …) with the "why", and pages.</summary>
public static class ContactsPage
{
    private static readonly (ContactSort Sort, string Label)[] Columns =
    [
        (ContactSort.Name, "Contact"), (ContactSort.Role, "Role"), (ContactSort.Bond, "Bond"), (ContactSort.Affect, "Affect"),
        (ContactSort.Care, "Care"), (ContactSort.Posts, "Posts"), (ContactSort.Cases, "Open cases"), (ContactSort.Latest, "Latest"),
    ];

    /// <summary>Renders one page of contacts.</summary>
    public static string Render(ContactListPage page, long openCases)
    {
        ArgumentNullException.ThrowIfNull(page);
        var query = page.Query;
        var html = new StringBuilder("<h1>Contacts</h1>");
        html.Append("<form class=\"search\" method=\"get\" action=\"/\" role=\"search\"><label for=\"q\">Search names and handles</label> ")
            .Append("<input type=\"search\" id=\"q\" name=\"q\" maxlength=\"").Append(ContactQuery.MaxSearchLength).Append("\" value=\"").Append(PageLayout.Encode(query.Search)).Append("\">")
            .Append("<input type=\"hidden\" name=\"sort\" value=\"").Append(query.Sort.ToString().ToLowerInvariant()).Append("\">")
            .Append("<input type=\"hidden\" name=\"dir\" value=\"").Append(query.Descending ? "desc" : "asc").Append("\">")
            .Append("<button type=\"submit\">Search</button></form>");

        var first = page.Total == 0 ? 0 : ((query.Page - 1) * query.PageSize) + 1;
        var last = first == 0 ? 0 : first + page.Contacts.Count - 1;
        html.Append(CultureInfo.InvariantCulture, $"<p id=\"summary\">{first:N0}–{last:N0} of {page.Total:N0} contacts")
            .Append(query.Search is null ? string.Empty : " matching “" + PageLayout.Encode(query.Search) + "”")
            .Append(CultureInfo.InvariantCulture, $" · {openCases:N0} open cases</p>");

        html.Append("<table id=\"contacts\"><thead><tr>");
        foreach (var (sort, label) in Columns)
        {
            // A sorted column's link reverses it; another column starts in its natural direction.
            var next = query with { Sort = sort, Page = 1, Descending = sort == query.Sort ? !query.Descending : sort != ContactSort.Name };
            var state = sort == query.Sort ? (query.Descending ? " aria-sort=\"descending\"" : " aria-sort=\"ascending\"") : string.Empty;
            html.Append("<th scope=\"col\"").Append(state).Append("><a href=\"").Append(PageLayout.Encode(next.ToUrl())).Append("\">").Append(label).Append("</a></th>");
        }

        html.Append("<th scope=\"col\">Why</th></tr></thead><tbody>");
        foreach (var contact in page.Contacts)
        {
            Row(html, contact);
        }

        html.Append("</tbody></table>");
        Pager(html, page);
        return PageLayout.Render("Contacts", "/", html);
    }

    private static void Row(StringBuilder html, ContactRow contact)
    {
        html.Append("<tr data-contact-id=\"").Append(PageLayout.Encode(contact.Id)).Append("\">");
        html.Append("<td class=\"name\"><a href=\"").Append(PageLayout.Encode(PageLayout.ContactUrl(contact.Id))).Append("\">").Append(PageLayout.Encode(contact.Name)).Append("</a>");
        html.Append("<span class=\"profiles\">").Append(PageLayout.Encode(string.Join(" · ", contact.Profiles))).Append("</span></td>");
        html.Append("<td class=\"role\">").Append(PageLayout.Encode(contact.Role ?? "–")).Append("</td>");
        html.Append("<td class=\"bond num\">").Append(PageLayout.Score(contact.Bond));
        if (contact.Band is { } band)
        {
            html.Append(" <span class=\"band band-").Append(PageLayout.Encode(band)).Append("\">").Append(PageLayout.Encode(band)).Append("</span>");
        }

        html.Append("</td><td class=\"affect num\">").Append(PageLayout.Score(contact.Affect)).Append("</td>");
        html.Append("<td class=\"care num\">").Append(PageLayout.Score(contact.Care)).Append("</td>");
        html.Append(CultureInfo.InvariantCulture, $"<td class=\"posts num\">{contact.Posts}</td><td class=\"cases num\">{contact.OpenCases}</td>");
        html.Append("<td class=\"latest\">").Append(PageLayout.Encode(contact.Latest ?? "–")).Append("</td>");
        html.Append("<td class=\"why\">").Append(PageLayout.Encode(contact.Why ?? "not scored yet")).Append("</td></tr>");
    }

    private static void Pager(StringBuilder html, ContactListPage page)
    {
        var query = page.Query;
        html.Append("<nav class=\"pager\" aria-label=\"pages\">");
        if (query.Page > 1)
        {
            html.Append("<a rel=\"prev\" href=\"").Append(PageLayout.Encode((query with { Page = query.Page - 1 }).ToUrl())).Append("\">← previous</a>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<span class=\"page\">page {query.Page} of {page.Pages}</span>");
        if (query.Page < page.Pages)
        {
            html.Append("<a rel=\"next\" href=\"").Append(PageLayout.Encode((query with { Page = query.Page + 1 }).ToUrl())).Append("\">next →</a>");
        }

        html.Append("</nav>");
    }
}

using System.Text;

namespace Monitro.Samples.Crm.Pages;

/// <summary>
/// One open case as a panel: who, what they said, where, and its reply box. The cases page and the contact page
/// both render it, so what a case offers is added in one place.
/// </summary>
public static class CasePanel
{
    /// <summary>Appends the panel; <paramref name="withContact"/> adds a link to the contact.</summary>
    public static void Render(StringBuilder html, Views.CaseView openCase, bool withContact, Replies.ReplyForms forms)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(openCase);
        html.Append("<article class=\"case\" id=\"case-").Append(openCase.Id).Append("\" data-case-id=\"").Append(openCase.Id).Append("\" data-post-id=\"").Append(PageLayout.Encode(openCase.PostId)).Append("\">");
        html.Append("<h3>Case #").Append(openCase.Id).Append(' ').Append(PageLayout.Encode(openCase.Title)).Append("</h3>");
        if (withContact)
        {
            html.Append("<p class=\"who\"><a href=\"").Append(PageLayout.Encode(PageLayout.ContactUrl(openCase.ContactId))).Append("\">").Append(PageLayout.Encode(openCase.ContactName)).Append("</a></p>");
        }

        html.Append("<blockquote class=\"trigger\">").Append(PageLayout.Encode(openCase.Text)).Append("</blockquote>");
        html.Append("<p class=\"meta\">opened ").Append(PageLayout.Encode(openCase.OpenedAt)).Append(" UTC");
        if (PageLayout.LinkTarget(openCase.Url) is { } link)
        {
            html.Append(" · <a href=\"").Append(PageLayout.Encode(link)).Append("\" rel=\"noopener noreferrer\">the post</a>");
        }

        html.Append("</p>");
        ReplyBox.Render(html, openCase, forms);
        html.Append("</article>");
    }
}

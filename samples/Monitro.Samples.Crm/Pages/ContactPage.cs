using System.Text;
using Monitro.Samples.Crm.Views;

namespace Monitro.Samples.Crm.Pages;

/// <summary>One contact: merged profiles, scores with the why, the chart of interactions and tone, open cases with their reply boxes, and the timeline with one row per post.</summary>
public static class ContactPage
{
    /// <summary>Renders the contact's page; <paramref name="activity"/> is <see langword="null"/> when no Monitro runs in this process.</summary>
    public static string Render(ContactDetail detail, IReadOnlyList<ActivityBucket>? activity, Replies.ReplyForms forms)
    {
        ArgumentNullException.ThrowIfNull(detail);
        var contact = detail.Contact;
        var html = new StringBuilder();
        html.Append("<h1 data-contact-id=\"").Append(PageLayout.Encode(contact.Id)).Append("\">").Append(PageLayout.Encode(contact.Name)).Append("</h1>");
        html.Append("<ul class=\"profiles\" id=\"profiles\">");
        foreach (var profile in contact.Profiles)
        {
            html.Append("<li>").Append(PageLayout.Encode(profile)).Append("</li>");
        }

        html.Append("</ul><dl class=\"scores\" id=\"scores\">");
        Fact(html, "role", "Role", contact.Role ?? "none suggested");
        Fact(html, "bond", "Bond", PageLayout.Score(contact.Bond) + (contact.Band is { } band ? " (" + band + ")" : string.Empty));
        Fact(html, "affect", "Affect", PageLayout.Score(contact.Affect));
        Fact(html, "care", "Care", PageLayout.Score(contact.Care));
        html.Append("</dl>");
        if (detail.RoleReason is { } roleReason)
        {
            html.Append("<p class=\"why\" id=\"role-reason\">").Append(PageLayout.Encode(roleReason)).Append("</p>");
        }

        if (detail.Explanation is { } explanation)
        {
            html.Append("<p class=\"why\" id=\"explanation\">").Append(PageLayout.Encode(explanation)).Append("</p>");
        }

        if (activity is not null)
        {
            ContactChart.Render(html, activity);
        }
        else
        {
            html.Append("<section id=\"activity\"><h2>Interactions and tone</h2><p class=\"none\">Monitro does not run in this process (start the CRM with --replay): no chart.</p></section>");
        }

        if (detail.Cases.Count > 0)
        {
            html.Append("<section id=\"cases\"><h2>Open cases</h2>");
            foreach (var openCase in detail.Cases)
            {
                CasePanel.Render(html, openCase, withContact: false, forms);
            }

            html.Append("</section>");
        }

        html.Append("<section><h2>Timeline</h2><ol class=\"timeline\" id=\"timeline\">");
        foreach (var post in detail.Timeline)
        {
            Post(html, post);
        }

        html.Append("</ol></section>");
        return PageLayout.Render(contact.Name, "/", html);
    }

    private static void Fact(StringBuilder html, string id, string label, string value) =>
        html.Append("<div class=\"").Append(id).Append("\"><dt>").Append(label).Append("</dt><dd>").Append(PageLayout.Encode(value)).Append("</dd></div>");

    private static void Post(StringBuilder html, TimelineRow post)
    {
        html.Append("<li data-post-id=\"").Append(PageLayout.Encode(post.PostId)).Append("\"><p class=\"meta\"><time>").Append(PageLayout.Encode(post.Time)).Append("</time> · ")
            .Append(PageLayout.Encode(post.Profile));
        if (post.Sentiment is { } sentiment)
        {
            html.Append(" · <span class=\"sentiment sentiment-").Append(PageLayout.Encode(sentiment)).Append("\">").Append(PageLayout.Encode(sentiment)).Append("</span>");
        }

        if (post.Intents.Length > 0)
        {
            html.Append(" · ").Append(PageLayout.Encode(post.Intents));
        }

        if (PageLayout.LinkTarget(post.Url) is { } link)
        {
            html.Append(" · <a href=\"").Append(PageLayout.Encode(link)).Append("\" rel=\"noopener noreferrer\">open</a>");
        }

        html.Append("</p><p class=\"text\">").Append(PageLayout.Encode(post.Text)).Append("</p><p class=\"tags\">");
        foreach (var watch in post.Watches)
        {
            html.Append("<span class=\"tag\">").Append(PageLayout.Encode(watch)).Append("</span>");
        }

        html.Append("</p></li>");
    }
}

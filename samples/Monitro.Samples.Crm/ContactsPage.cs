using System.Globalization;
using System.Net;
using System.Text;

namespace Monitro.Samples.Crm;

/// <summary>The CRM's one page: every contact with social profiles, score, open cases and the Monitro timeline.</summary>
public static class ContactsPage
{
    public static string Render(IReadOnlyList<ContactView> contacts, IReadOnlyList<string> alerts)
    {
        var html = new StringBuilder();
        html.Append("""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Sample CRM · contacts from Monitro</title>
            <style>
            body{font-family:system-ui,sans-serif;margin:2rem;color:#222}
            .contact{border:1px solid #ccc;border-radius:6px;padding:0.8rem 1rem;margin:0 0 1rem}
            .contact h2{margin:0 0 .3rem;font-size:1.1rem}.score{color:#555;font-size:.9rem}
            .case{color:#a00;font-weight:600}ul{margin:.3rem 0}li{margin:.1rem 0}
            </style></head><body>
            <h1>Contacts</h1>
            """);
        html.Append(CultureInfo.InvariantCulture, $"<p id=\"summary\">{contacts.Count} contacts, {contacts.Sum(c => c.OpenCases.Count)} open cases</p>");
        if (alerts.Count > 0)
        {
            html.Append("<h2>Digests and spikes</h2><ul id=\"alerts\">");
            foreach (var alert in alerts)
            {
                html.Append("<li>").Append(Encode(alert)).Append("</li>");
            }

            html.Append("</ul>");
        }

        foreach (var contact in contacts)
        {
            html.Append(CultureInfo.InvariantCulture, $"<section class=\"contact\" data-contact-id=\"{Encode(contact.Id)}\"><h2>{Encode(contact.Name)}</h2>");
            var sentiment = contact.AverageSentiment is { } average ? average.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) : "n/a";
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"score\">{contact.Mentions} mentions · average sentiment {sentiment} · {Encode(string.Join(" · ", contact.Profiles))}</div>");
            if (contact.OpenCases.Count > 0)
            {
                html.Append("<ul class=\"cases\">");
                foreach (var openCase in contact.OpenCases)
                {
                    html.Append("<li class=\"case\">Open case ").Append(Encode(openCase)).Append("</li>");
                }

                html.Append("</ul>");
            }

            html.Append("<ul class=\"timeline\">");
            foreach (var activity in contact.Timeline)
            {
                html.Append("<li>").Append(Encode(activity)).Append("</li>");
            }

            html.Append("</ul></section>");
        }

        return html.Append("</body></html>").ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}

using System.Globalization;
using System.Text;
using Monitro.Samples.Crm.Views;

namespace Monitro.Samples.Crm.Pages;

/// <summary>The open cases, newest first, each with the post that opened it.</summary>
public static class CasesPage
{
    /// <summary>Renders the cases page.</summary>
    public static string Render(IReadOnlyList<CaseView> cases, long total, Replies.ReplyForms forms)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var html = new StringBuilder("<h1>Open cases</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p id=\"summary\">{total:N0} open cases: complaints from people (not from news sites or our own accounts)")
            .Append(total > cases.Count ? string.Create(CultureInfo.InvariantCulture, $"; the newest {cases.Count:N0} below") : string.Empty)
            .Append(".</p><div id=\"cases\">");
        foreach (var openCase in cases)
        {
            CasePanel.Render(html, openCase, withContact: true, forms);
        }

        return PageLayout.Render("Cases", "/cases", html.Append("</div>"));
    }
}

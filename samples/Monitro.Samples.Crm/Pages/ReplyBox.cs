using System.Globalization;
using System.Text;
using Monitro.Samples.Crm.Replies;

namespace Monitro.Samples.Crm.Pages;

/// <summary>
/// A case's reply box: the post's inbox state (state, assignee, age against the response target), our replies with
/// their outbox state, and a form (with its antiforgery token) that writes a reply through Monitro's reply desk.
/// </summary>
public static class ReplyBox
{
    /// <summary>The address the reply form posts to.</summary>
    public const string ReplyPath = "/cases/reply";

    /// <summary>The address the approve button posts to.</summary>
    public const string ApprovePath = "/cases/approve";

    /// <summary>Appends the box of one case.</summary>
    public static void Render(StringBuilder html, Views.CaseView openCase, ReplyForms forms)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(openCase);
        ArgumentNullException.ThrowIfNull(forms);
        html.Append("<div class=\"reply-box\">");
        if (!forms.Views.TryGetValue(openCase.PostId, out var view))
        {
            html.Append("<p class=\"none inbox-state\">Monitro does not run in this process (start the CRM with --replay): no inbox state, no replies.</p></div>");
            return;
        }

        InboxState(html, view);
        html.Append("<ol class=\"replies\">");
        foreach (var reply in view.Replies)
        {
            ReplyRow(html, reply, forms);
        }

        html.Append("</ol>");
        if (view.Account is { } account)
        {
            Form(html, openCase, account, forms);
        }
        else
        {
            html.Append("<p class=\"none\">The sample has no account on this platform to answer from.</p>");
        }

        html.Append("</div>");
    }

    private static void InboxState(StringBuilder html, CaseReplyView view)
    {
        if (view.Item is not { } item)
        {
            html.Append("<p class=\"inbox-state none\">Not in Monitro's inbox.</p>");
            return;
        }

        var age = view.Now - item.CreatedAt;
        var overdue = item.IsOpen && view.Now > item.DueAt;
        html.Append("<p class=\"inbox-state\" data-state=\"").Append(item.State.ToString()).Append("\">inbox: <strong class=\"state\">").Append(item.State.ToString()).Append("</strong> · ")
            .Append(PageLayout.Encode(item.Kind.ToString())).Append(" · <span class=\"assignee\">")
            .Append(item.Assignee is { } assignee ? "assigned to " + PageLayout.Encode(assignee) : "unassigned").Append("</span> · <span class=\"age")
            .Append(overdue ? " overdue" : string.Empty).Append("\">").Append(Duration(age)).Append(" old, ");
        if (item.IsOpen)
        {
            html.Append(overdue ? "past its response target by " + Duration(view.Now - item.DueAt) : "due in " + Duration(item.DueAt - view.Now));
        }
        else
        {
            html.Append("target was ").Append(Duration(item.DueAt - item.CreatedAt));
        }

        html.Append("</span>");
        if (item.IgnoredReason is { } reason)
        {
            html.Append(" · ignored: ").Append(PageLayout.Encode(reason));
        }

        html.Append("</p>");
    }

    private static void ReplyRow(StringBuilder html, Reply reply, ReplyForms forms)
    {
        var (state, label) = reply.State switch
        {
            ReplyState.AwaitingApproval => ("pending-approval", "pending approval"),
            ReplyState.Queued => ("queued", reply.Attempts > 0 ? string.Create(CultureInfo.InvariantCulture, $"queued (attempt {reply.Attempts + 1} next)") : "queued"),
            ReplyState.Published when SampleOfflinePublisher.IsOffline(reply) => ("sent", "sent (sample, offline): kept in this CRM's database, not posted"),
            ReplyState.Published => ("sent", "sent"),
            ReplyState.Rejected => ("rejected", "rejected"),
            _ => ("failed", "failed"),
        };
        html.Append("<li class=\"reply\" data-reply-id=\"").Append(PageLayout.Encode(reply.Id)).Append("\" data-outbox-state=\"").Append(state).Append("\"><p class=\"meta\">our reply from ")
            .Append(PageLayout.Encode(reply.Account)).Append(" · <span class=\"outbox-state\">").Append(PageLayout.Encode(label)).Append("</span>");
        if (reply.LastError is { } error && reply.State != ReplyState.Published)
        {
            html.Append(" · ").Append(PageLayout.Encode(error));
        }

        html.Append("</p><p class=\"text\">").Append(PageLayout.Encode(reply.Text)).Append("</p>");
        if (reply.State == ReplyState.AwaitingApproval)
        {
            html.Append("<form method=\"post\" action=\"").Append(ApprovePath).Append("\" class=\"approve\">");
            Hidden(html, forms.Tokens.FormFieldName, forms.Tokens.RequestToken);
            Hidden(html, "replyId", reply.Id);
            Hidden(html, "back", forms.Back);
            html.Append("<button type=\"submit\">Approve as ").Append(CaseReplies.Approver).Append(" and send</button></form>");
        }

        html.Append("</li>");
    }

    private static void Form(StringBuilder html, Views.CaseView openCase, SampleReplyAccount account, ReplyForms forms)
    {
        var refused = forms.Refused is { } r && r.PostId == openCase.PostId ? r : null;
        html.Append("<form method=\"post\" action=\"").Append(ReplyPath).Append("\" class=\"reply-form\">");
        Hidden(html, forms.Tokens.FormFieldName, forms.Tokens.RequestToken);
        Hidden(html, "postId", openCase.PostId);
        Hidden(html, "back", forms.Back);

        // A fresh id per form: the desk creates one reply however often the same form is sent.
        Hidden(html, "replyId", Guid.NewGuid().ToString("N"));
        var fieldId = "reply-" + openCase.Id.ToString(CultureInfo.InvariantCulture);
        html.Append("<label for=\"").Append(fieldId).Append("\">Reply from ").Append(PageLayout.Encode(account.Account)).Append(" (at most ")
            .Append(account.Limit.MaxLength.ToString("N0", CultureInfo.InvariantCulture)).Append(account.Limit.Unit == ReplyLengthUnit.Graphemes ? " characters as people see them" : " characters")
            .Append(account.NeedsApproval ? "; a lead approves it before it is sent" : string.Empty).Append(")</label>");
        if (refused is not null)
        {
            html.Append("<p class=\"form-error\" role=\"alert\">").Append(PageLayout.Encode(refused.Reason)).Append("</p>");
        }

        html.Append("<textarea id=\"").Append(fieldId).Append("\" name=\"text\" rows=\"3\"").Append(refused is not null ? " aria-invalid=\"true\"" : string.Empty).Append('>')
            .Append(PageLayout.Encode(refused?.Text)).Append("</textarea><p class=\"form-row\"><label>or a saved reply <select name=\"template\"><option value=\"\">none</option>");
        foreach (var (name, text) in SampleReplyAccounts.Templates)
        {
            html.Append("<option value=\"").Append(PageLayout.Encode(name)).Append("\">").Append(PageLayout.Encode(name + ": " + text)).Append("</option>");
        }

        html.Append("</select></label> <button type=\"submit\">").Append(account.NeedsApproval ? "Submit for approval" : "Send").Append("</button></p></form>");
    }

    private static void Hidden(StringBuilder html, string name, string? value) =>
        html.Append("<input type=\"hidden\" name=\"").Append(PageLayout.Encode(name)).Append("\" value=\"").Append(PageLayout.Encode(value)).Append("\">");

    private static string Duration(TimeSpan span) => span switch
    {
        { TotalDays: >= 2 } => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalDays} days"),
        { TotalHours: >= 2 } => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours} h"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, (int)span.TotalMinutes)} min"),
    };
}

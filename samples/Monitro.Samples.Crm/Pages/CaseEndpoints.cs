using Microsoft.AspNetCore.Antiforgery;
using Monitro.Samples.Crm.Data;
using Monitro.Samples.Crm.Replies;
using Monitro.Samples.Crm.Views;

namespace Monitro.Samples.Crm.Pages;

/// <summary>
/// The pages that show cases with their reply boxes (a contact, the open cases) and the forms those boxes post. A
/// post must carry the antiforgery token of a page this app served (else 400); a refused reply renders the
/// contact's page again with the reason (422); otherwise the browser is sent back to the page it came from.
/// </summary>
public static class CaseEndpoints
{
    // A reply box posts a few fields and at most one reply of any platform's length.
    private const long MaxFormBytes = 64 * 1024;

    /// <summary><c>GET /contact?id=…</c>.</summary>
    public static async Task<IResult> ContactAsync(string? id, HttpContext context, CrmDatabase database, MonitroLink link, CaseReplies replies, IAntiforgery antiforgery) =>
        id is not null && await ContactPageAsync(id, refused: null, context, database, link, replies, antiforgery) is { } page
            ? Html(page)
            : Results.NotFound("No such contact.");

    /// <summary><c>GET /cases</c>.</summary>
    public static async Task<IResult> CasesAsync(HttpContext context, CrmDatabase database, CaseReplies replies, IAntiforgery antiforgery)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(replies);
        var cases = database.ReadOpenCases();
        var forms = new ReplyForms(await replies.ReadAsync(cases, context.RequestAborted), TokensOf(antiforgery, context), "/cases");
        return Html(CasesPage.Render(cases, database.Count("cases"), forms));
    }

    /// <summary><c>POST /cases/reply</c>: writes a reply to a case's post through Monitro's reply desk.</summary>
    public static async Task<IResult> ReplyAsync(HttpContext context, CrmDatabase database, MonitroLink link, CaseReplies replies, IAntiforgery antiforgery)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(replies);
        if (await ReadFormAsync(context, antiforgery) is not { } form)
        {
            return Results.BadRequest("The form is too large, expired or not from this CRM; open the page again.");
        }

        if (database.ReadOpenCase(form["postId"].ToString()) is not { } openCase)
        {
            return Results.NotFound("No open case for that post.");
        }

        var text = form["text"].ToString();
        var refusal = await replies.SendAsync(openCase, ReplyIdOf(form["replyId"].ToString()), text, form["template"].ToString(), context.RequestAborted);
        if (refusal is not null)
        {
            var page = await ContactPageAsync(openCase.ContactId, new RefusedReply(openCase.PostId, text, refusal), context, database, link, replies, antiforgery);
            return page is null ? Results.NotFound("No such contact.") : Html(page, StatusCodes.Status422UnprocessableEntity);
        }

        return Results.LocalRedirect(BackOf(form["back"].ToString(), openCase) + "#case-" + openCase.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary><c>POST /cases/approve</c>: approves a reply waiting for approval, which is then published.</summary>
    public static async Task<IResult> ApproveAsync(HttpContext context, CaseReplies replies, IAntiforgery antiforgery)
    {
        ArgumentNullException.ThrowIfNull(replies);
        if (await ReadFormAsync(context, antiforgery) is not { } form)
        {
            return Results.BadRequest("The form is too large, expired or not from this CRM; open the page again.");
        }

        var refusal = await replies.ApproveAsync(form["replyId"].ToString(), context.RequestAborted);
        return refusal is null ? Results.LocalRedirect(BackOf(form["back"].ToString(), null)) : Results.Conflict(refusal);
    }

    private static async Task<string?> ContactPageAsync(
        string contactId, RefusedReply? refused, HttpContext context, CrmDatabase database, MonitroLink link, CaseReplies replies, IAntiforgery antiforgery)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(replies);
        if (database.ReadContact(contactId) is not { } detail)
        {
            return null;
        }

        IReadOnlyList<ActivityBucket>? activity = null;
        if (link.Services is { } services)
        {
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            activity = await ContactActivity.ReadAsync(services.GetRequiredService<IPersonInteractionHistory>(), database.IdentityKeysOf(contactId), now, context.RequestAborted);
        }

        var forms = new ReplyForms(await replies.ReadAsync(detail.Cases, context.RequestAborted), TokensOf(antiforgery, context), PageLayout.ContactUrl(contactId), refused);
        return ContactPage.Render(detail, activity, forms);
    }

    private static async Task<IFormCollection?> ReadFormAsync(HttpContext context, IAntiforgery antiforgery)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(antiforgery);
        if (context.Request.ContentLength is not { } length || length > MaxFormBytes || !context.Request.HasFormContentType)
        {
            return null;
        }

        return await antiforgery.IsRequestValidAsync(context) ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
    }

    private static AntiforgeryTokenSet TokensOf(IAntiforgery antiforgery, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(antiforgery);
        return antiforgery.GetAndStoreTokens(context);
    }

    // The form's id when it is one the box made (32 hex digits); a new one otherwise.
    private static string ReplyIdOf(string value) =>
        value.Length == 32 && value.All(char.IsAsciiHexDigitLower) ? value : Guid.NewGuid().ToString("N");

    // Back to the page the form came from: only this app's contact and cases pages.
    private static string BackOf(string back, CaseView? openCase) =>
        back == "/cases" || (back.StartsWith("/contact?id=", StringComparison.Ordinal) && !back.Contains('#', StringComparison.Ordinal))
            ? back
            : openCase is null ? "/cases" : PageLayout.ContactUrl(openCase.ContactId);

    private static IResult Html(string page, int statusCode = StatusCodes.Status200OK) => Results.Content(page, "text/html; charset=utf-8", statusCode: statusCode);
}

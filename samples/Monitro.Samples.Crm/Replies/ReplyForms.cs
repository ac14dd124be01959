using Microsoft.AspNetCore.Antiforgery;

namespace Monitro.Samples.Crm.Replies;

/// <summary>What the reply boxes of a page need: each case's state, the antiforgery token, and the error of a refused reply.</summary>
/// <param name="Views">Each case's state, by post id; empty when no Monitro runs in this process.</param>
/// <param name="Tokens">The antiforgery token of this response.</param>
/// <param name="Back">The page to come back to after posting (a local path).</param>
/// <param name="Refused">The refused reply, shown again with its reason, or <see langword="null"/>.</param>
public sealed record ReplyForms(IReadOnlyDictionary<string, CaseReplyView> Views, AntiforgeryTokenSet Tokens, string Back, RefusedReply? Refused = null);

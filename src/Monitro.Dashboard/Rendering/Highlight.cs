namespace Monitro.Dashboard.Rendering;

/// <summary>Writes a post's text with its matched spans in <c>mark</c> elements, every part encoded.</summary>
internal static class Highlight
{
    /// <summary>Appends the text, marking the spans (clamped to the text; overlapping ones merged).</summary>
    public static void Append(Html html, string text, IEnumerable<MatchSpan> spans)
    {
        var at = 0;
        foreach (var span in spans.OrderBy(s => s.Start))
        {
            var start = Math.Clamp(span.Start, at, text.Length);
            var end = Math.Clamp(span.End, start, text.Length);
            if (end == start)
            {
                continue;
            }

            html.Text(text[at..start]).Markup("<mark>").Text(text[start..end]).Markup("</mark>");
            at = end;
        }

        html.Text(text[at..]);
    }
}

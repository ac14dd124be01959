using OxyPlot;

namespace Monitro.Dashboard.Charts;

/// <summary>
/// OxyPlot's SVG render context for text from data: a character XML cannot hold (a control character, a
/// noncharacter, a lone surrogate) in a label or title is drawn as U+FFFD instead of breaking the whole chart.
/// </summary>
internal sealed class XmlSafeSvgRenderContext(Stream stream, double width, double height, IRenderContext textMeasurer, OxyColor background)
    : SvgRenderContext(stream, width, height, isDocument: false, textMeasurer, background, useVerticalTextAlignmentWorkaround: false)
{
    /// <inheritdoc/>
    public override void DrawText(ScreenPoint p, string text, OxyColor fill, string fontFamily, double fontSize, double fontWeight, double rotate, HorizontalAlignment halign, VerticalAlignment valign, OxySize? maxSize) =>
        base.DrawText(p, ChartText.Clean(text), fill, ChartText.Clean(fontFamily), fontSize, fontWeight, rotate, halign, valign, maxSize);
}

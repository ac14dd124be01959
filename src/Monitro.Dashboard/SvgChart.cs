using System.Text;
using System.Xml;
using System.Xml.Linq;
using Monitro.Dashboard.Charts;
using OxyPlot;

namespace Monitro.Dashboard;

/// <summary>
/// Renders an OxyPlot model as inline SVG that a strict Content-Security-Policy accepts: OxyPlot writes its colours as
/// <c>style</c> attributes, which <c>style-src 'self'</c> blocks, so each declaration becomes the SVG presentation
/// attribute of the same name (not subject to the policy); and the clip-path ids get the chart's id as a prefix, so
/// several charts on one page do not clip each other. Labels and titles from data cannot break it: a character XML
/// cannot hold (a control character, a noncharacter) is drawn as U+FFFD, and markup stays text. The dashboard draws its charts with it; an application that
/// draws its own OxyPlot charts beside the dashboard can use it too, for one look and one policy.
/// </summary>
public static class SvgChart
{
    private static readonly XmlReaderSettings ReaderSettings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    /// <summary>Renders the model.</summary>
    /// <param name="model">The chart.</param>
    /// <param name="id">An id unique on the page, also the prefix of the chart's inner ids.</param>
    /// <param name="title">The chart's accessible name.</param>
    /// <param name="width">The width in pixels.</param>
    /// <param name="height">The height in pixels.</param>
    /// <returns>The <c>svg</c> element, to place in HTML as it is (its text is XML-escaped).</returns>
    public static string Render(PlotModel model, string id, string title, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(title);
        model.DefaultFont = "sans-serif";
        model.DefaultFontSize = 11;
        var exported = Export(model, width, height);
        using var reader = XmlReader.Create(new StringReader(exported), ReaderSettings);
        var svg = XElement.Load(reader);
        foreach (var element in svg.DescendantsAndSelf())
        {
            MoveStyleToAttributes(element);
            if (element.Attribute("id") is { } elementId)
            {
                elementId.Value = id + "-" + elementId.Value;
            }

            if (element.Attribute("clip-path") is { } clip)
            {
                clip.Value = clip.Value.Replace("url(#", "url(#" + id + "-", StringComparison.Ordinal);
            }
        }

        svg.SetAttributeValue("id", id);
        svg.SetAttributeValue("viewBox", FormattableString.Invariant($"0 0 {width} {height}"));
        svg.SetAttributeValue("role", "img");
        svg.SetAttributeValue("aria-label", ChartText.Clean(title));
        svg.SetAttributeValue("class", "chart");
        return svg.ToString(SaveOptions.DisableFormatting);
    }

    // SvgExporter.ExportToString's steps, with a context that cleans the text: one control character in a label must not break the chart.
    private static string Export(PlotModel model, int width, int height)
    {
        using var stream = new MemoryStream();
        using (var context = new XmlSafeSvgRenderContext(stream, width, height, new PdfRenderContext(width, height, model.Background), model.Background))
        {
            IPlotModel plot = model;
            plot.Update(updateData: true);
            plot.Render(context, new OxyRect(0, 0, width, height));
            context.Complete();
            context.Flush();
        }

        // The writer starts with a byte order mark, which XML text in a string must not.
        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length).TrimStart('\uFEFF');
    }

    private static void MoveStyleToAttributes(XElement element)
    {
        if (element.Attribute("style") is not { } style)
        {
            return;
        }

        style.Remove();
        foreach (var declaration in style.Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = declaration.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                element.SetAttributeValue(declaration[..colon].Trim(), declaration[(colon + 1)..].Trim());
            }
        }
    }
}

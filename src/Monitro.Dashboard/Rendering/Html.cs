using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Monitro.Dashboard.Rendering;

/// <summary>Builds a page: markup the dashboard writes itself goes in as is, every value from data is HTML-encoded.</summary>
internal sealed class Html
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;
    private readonly StringBuilder _builder = new();

    /// <summary>Appends markup written by the dashboard (never data).</summary>
    public Html Markup(string markup)
    {
        _builder.Append(markup);
        return this;
    }

    /// <summary>Appends a value as text, encoded.</summary>
    public Html Text(string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            Encoder.Encode(new StringWriter(_builder, CultureInfo.InvariantCulture), value);
        }

        return this;
    }

    /// <summary>Appends a number in invariant culture.</summary>
    public Html Number(double value, string format) => Text(value.ToString(format, CultureInfo.InvariantCulture));

    /// <summary>
    /// Appends a value as text in a <c>bdi</c> element: a value beside other text on its line, whose bidi controls (a
    /// right-to-left override in a name) would otherwise reverse what follows it.
    /// </summary>
    public Html Isolated(string? value)
    {
        _builder.Append("<bdi>");
        Text(value);
        _builder.Append("</bdi>");
        return this;
    }

    /// <summary>
    /// Appends an element with encoded text content and an optional class; its direction is its own content's
    /// (<c>dir="auto"</c>), which also isolates it from the text around it.
    /// </summary>
    public Html Element(string tag, string? value, string? cssClass = null)
    {
        _builder.Append('<').Append(tag);
        if (cssClass is not null)
        {
            _builder.Append(" class=\"").Append(cssClass).Append('"');
        }

        _builder.Append(" dir=\"auto\">");
        Text(value);
        _builder.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>Appends an attribute with an encoded value (the leading space included).</summary>
    public Html Attribute(string name, string? value)
    {
        _builder.Append(' ').Append(name).Append("=\"");
        Text(value);
        _builder.Append('"');
        return this;
    }

    /// <summary>Appends a link with encoded address and text.</summary>
    public Html Link(string href, string text, string? rel = null)
    {
        _builder.Append("<a");
        Attribute("href", href);
        if (rel is not null)
        {
            Attribute("rel", rel);
        }

        _builder.Append('>');
        Text(text);
        _builder.Append("</a>");
        return this;
    }

    /// <inheritdoc/>
    public override string ToString() => _builder.ToString();
}

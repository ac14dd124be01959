using System.Globalization;
using System.Text;
using AngleSharp.Html;

namespace Monitro.Sources.Rss;

/// <summary>
/// Makes the entity references of a feed acceptable to an XML reader that refuses DTDs. Feeds use HTML named
/// entities (<c>&amp;aacute;</c>, <c>&amp;nbsp;</c>, <c>&amp;hellip;</c>) without declaring them, and bare ampersands
/// (<c>AT&amp;T</c>); either would make the whole feed malformed. Each HTML named entity becomes a numeric character
/// reference (the names come from AngleSharp's table of all HTML5 entities), and every other ampersand that does not
/// start a reference becomes <c>&amp;amp;</c>. Numeric references to C1 controls are read as windows-1252
/// (<see cref="C1Controls"/>). XML's own five entities, other numeric references, CDATA sections, comments and
/// processing instructions are left as they are.
/// </summary>
internal static class EntityReferences
{
    private const int MaxNameLength = 32;

    private static readonly (string Open, string Close)[] Unparsed = [("<![CDATA[", "]]>"), ("<!--", "-->"), ("<?", "?>")];

    /// <summary>Returns <paramref name="xml"/> with its undeclared entity references replaced; the same instance when there is nothing to replace.</summary>
    public static string Repair(string xml)
    {
        // Most feeds only use the five XML entities; scanning once for '&' is cheaper than building a copy.
        if (!xml.Contains('&', StringComparison.Ordinal))
        {
            return xml;
        }

        StringBuilder? result = null;
        var copied = 0;
        var i = 0;
        while (i < xml.Length)
        {
            var c = xml[i];
            if (c == '<' && i + 1 < xml.Length && xml[i + 1] is '!' or '?' && SkipUnparsed(xml, i) is var end && end > i)
            {
                i = end;
                continue;
            }

            if (c != '&')
            {
                i++;
                continue;
            }

            var replacement = Replacement(xml, i, out var length);
            if (replacement is not null)
            {
                result ??= new StringBuilder(xml.Length + 64);
                result.Append(xml, copied, i - copied).Append(replacement);
                copied = i + length;
            }

            i += Math.Max(length, 1);
        }

        if (result is null)
        {
            return xml;
        }

        result.Append(xml, copied, xml.Length - copied);
        return result.ToString();
    }

    /// <summary>Gets the end of the CDATA section, comment or processing instruction starting at <paramref name="start"/>, or <paramref name="start"/>.</summary>
    private static int SkipUnparsed(string xml, int start)
    {
        foreach (var (open, close) in Unparsed)
        {
            if (string.CompareOrdinal(xml, start, open, 0, open.Length) == 0)
            {
                var end = xml.IndexOf(close, start + open.Length, StringComparison.Ordinal);
                return end < 0 ? xml.Length : end + close.Length;
            }
        }

        return start;
    }

    /// <summary>Gets what the ampersand at <paramref name="at"/> must become, or <see langword="null"/> when it is valid XML as it is.</summary>
    private static string? Replacement(string xml, int at, out int length)
    {
        length = 1;
        var semicolon = xml.IndexOf(';', at + 1, Math.Min(MaxNameLength + 2, xml.Length - at - 1));
        if (semicolon < 0)
        {
            return "&amp;";
        }

        var name = xml.AsSpan(at + 1, semicolon - at - 1);
        if (name.Length > 1 && name[0] == '#')
        {
            if (NumericReference(name[1..]) is not { } code)
            {
                return "&amp;";
            }

            // &#146; means windows-1252's ’ in HTML, not the control character XML would make of it; XML also wants &#x, not &#X.
            length = semicolon - at + 1;
            var mapped = C1Controls.Map(code);
            return mapped != code || name[1] == 'X' ? string.Create(CultureInfo.InvariantCulture, $"&#{mapped};") : null;
        }

        if (name.Length == 0 || !IsName(name))
        {
            return "&amp;";
        }

        if (name is "amp" or "lt" or "gt" or "quot" or "apos")
        {
            return null;
        }

        var symbol = HtmlEntityProvider.Resolver.GetSymbol(string.Concat(name, ";"));
        if (symbol is null)
        {
            return "&amp;";
        }

        length = semicolon - at + 1;
        var reference = new StringBuilder();
        foreach (var rune in symbol.EnumerateRunes())
        {
            reference.Append(CultureInfo.InvariantCulture, $"&#{rune.Value};");
        }

        return reference.ToString();
    }

    private static int? NumericReference(ReadOnlySpan<char> digits)
    {
        var hex = digits.Length > 1 && digits[0] is 'x' or 'X';
        return int.TryParse(hex ? digits[1..] : digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var code)
            ? code
            : null;
    }

    private static bool IsName(ReadOnlySpan<char> name)
    {
        if (!char.IsAsciiLetter(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}

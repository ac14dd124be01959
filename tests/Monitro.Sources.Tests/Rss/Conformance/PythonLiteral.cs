using System.Globalization;
using System.Text;

namespace Monitro.Sources.Tests.Rss.Conformance;

/// <summary>Reads the Python string literals of the suite's expressions: <c>'…'</c>, <c>"…"</c>, <c>"""…"""</c>, <c>u'…'</c>, joined with <c>+</c>.</summary>
public static class PythonLiteral
{
    /// <summary>Reads <paramref name="text"/> as one or more string literals joined with <c>+</c>; <see langword="null"/> when it is anything else.</summary>
    public static string? TryRead(string text)
    {
        var result = new StringBuilder();
        var position = 0;
        while (true)
        {
            position = SkipSpaces(text, position);
            if (!TryReadOne(text, ref position, result))
            {
                return null;
            }

            position = SkipSpaces(text, position);
            if (position == text.Length)
            {
                return result.ToString();
            }

            if (text[position] != '+')
            {
                return null;
            }

            position++;
        }
    }

    private static int SkipSpaces(string text, int position)
    {
        while (position < text.Length && text[position] == ' ')
        {
            position++;
        }

        return position;
    }

    private static bool TryReadOne(string text, ref int position, StringBuilder result)
    {
        var raw = false;
        while (position < text.Length && "uUbBrR".Contains(text[position], StringComparison.Ordinal))
        {
            raw |= text[position] is 'r' or 'R';
            position++;
        }

        if (position >= text.Length || text[position] is not ('\'' or '"'))
        {
            return false;
        }

        var quote = text.AsSpan(position).StartsWith("'''") || text.AsSpan(position).StartsWith("\"\"\"")
            ? text.Substring(position, 3)
            : text[position].ToString();
        position += quote.Length;
        while (position < text.Length)
        {
            if (string.CompareOrdinal(text, position, quote, 0, quote.Length) == 0)
            {
                position += quote.Length;
                return true;
            }

            var c = text[position];
            if (c != '\\' || position + 1 >= text.Length)
            {
                result.Append(c);
                position++;
                continue;
            }

            if (raw)
            {
                result.Append(c).Append(text[position + 1]);
                position += 2;
                continue;
            }

            position += ReadEscape(text, position + 1, result) + 1;
        }

        return false;
    }

    /// <summary>Appends the character an escape stands for and returns how many characters after the backslash it used.</summary>
    private static int ReadEscape(string text, int at, StringBuilder result)
    {
        switch (text[at])
        {
            case 'n': result.Append('\n'); return 1;
            case 't': result.Append('\t'); return 1;
            case 'r': result.Append('\r'); return 1;
            case 'x': return AppendCodePoint(text, at, 2, result);
            case 'u': return AppendCodePoint(text, at, 4, result);
            case 'U': return AppendCodePoint(text, at, 8, result);
            case '\\' or '\'' or '"': result.Append(text[at]); return 1;
            case '\n': return 1;
            default: result.Append('\\').Append(text[at]); return 1;
        }
    }

    private static int AppendCodePoint(string text, int at, int digits, StringBuilder result)
    {
        if (at + 1 + digits <= text.Length &&
            int.TryParse(text.AsSpan(at + 1, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
        {
            result.Append(char.ConvertFromUtf32(code));
            return digits + 1;
        }

        result.Append('\\').Append(text[at]);
        return 1;
    }
}

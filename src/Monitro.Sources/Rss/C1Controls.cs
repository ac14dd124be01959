namespace Monitro.Sources.Rss;

/// <summary>
/// Maps the C1 control characters U+0080–U+009F to the windows-1252 characters they stand for in real feeds
/// (<c>don\x92t</c> is "don’t"): a feed that reaches Monitro with them was encoded from windows-1252 by a tool that
/// took it for ISO-8859-1. Browsers (the HTML standard's numeric reference table) and feedparser read them the same way.
/// </summary>
internal static class C1Controls
{
    /// <summary>windows-1252's characters for 0x80–0x9F; the five bytes it leaves undefined keep their control code.</summary>
    private const string Windows1252 =
        "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F" +
        "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

    /// <summary>Gets the character a code point in U+0080–U+009F stands for; any other code point is returned as it is.</summary>
    public static int Map(int codePoint) => codePoint is >= 0x80 and <= 0x9F ? Windows1252[codePoint - 0x80] : codePoint;

    /// <summary>Returns <paramref name="text"/> with its C1 controls mapped; the same instance when it has none.</summary>
    public static string Replace(string text)
    {
        // A vectorised search: almost every feed has none, and then nothing is copied.
        if (text.AsSpan().IndexOfAnyInRange('\u0080', '\u009F') < 0)
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = (char)Map(source[i]);
            }
        });
    }
}

using System.Text;

namespace Monitro.Dashboard.Charts;

/// <summary>Text from data made fit for XML: a character XML 1.0 cannot hold becomes U+FFFD.</summary>
internal static class ChartText
{
    /// <summary>Replaces each character that XML cannot hold with U+FFFD.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        var valid = true;
        foreach (var rune in text.EnumerateRunes())
        {
            valid &= IsXmlCharacter(rune);
        }

        if (valid)
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            clean.Append(IsXmlCharacter(rune) ? rune : Rune.ReplacementChar);
        }

        return clean.ToString();
    }

    // XML 1.0's Char production; lone surrogates already arrive as U+FFFD from EnumerateRunes.
    private static bool IsXmlCharacter(Rune rune) =>
        rune.Value is 0x9 or 0xA or 0xD or (>= 0x20 and <= 0xD7FF) or (>= 0xE000 and <= 0xFFFD) or >= 0x10000;
}

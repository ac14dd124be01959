using System.Text;

namespace Monitro.Text;

/// <summary>
/// Unicode normalization that accepts any UTF-16 string. <see cref="string.Normalize(NormalizationForm)"/> throws on
/// lone surrogates and on some noncharacters (U+FFFE); those code units are kept as they are and only the text
/// between them is normalized, so post and query text never makes folding throw.
/// </summary>
internal static class SafeNormalizer
{
    /// <summary>Normalizes <paramref name="text"/>, leaving lone surrogates and noncharacters unchanged.</summary>
    public static string Normalize(string text, NormalizationForm form)
    {
        var unsafeAt = FirstUnsafe(text, 0);
        if (unsafeAt < 0)
        {
            return text.Normalize(form);
        }

        var builder = new StringBuilder(text.Length);
        var start = 0;
        while (unsafeAt >= 0)
        {
            builder.Append(text.AsSpan(start, unsafeAt - start).ToString().Normalize(form));
            builder.Append(text[unsafeAt]);
            start = unsafeAt + 1;
            unsafeAt = FirstUnsafe(text, start);
        }

        builder.Append(text.AsSpan(start).ToString().Normalize(form));
        return builder.ToString();
    }

    /// <summary>Returns whether a code point is a noncharacter (U+FDD0–U+FDEF and the last two of every plane).</summary>
    public static bool IsNoncharacter(int value) => (value >= 0xFDD0 && value <= 0xFDEF) || (value & 0xFFFE) == 0xFFFE;

    // The index of the first lone surrogate or noncharacter code unit at or after `from`, or -1. A noncharacter
    // outside the BMP is a surrogate pair; its high surrogate is kept and its low one is the next unsafe unit.
    private static int FirstUnsafe(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (IsNoncharacter(char.ConvertToUtf32(c, text[i + 1])))
                {
                    return i;
                }

                i++;
                continue;
            }

            if (char.IsSurrogate(c) || IsNoncharacter(c))
            {
                return i;
            }
        }

        return -1;
    }
}

using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Monitro.Text;

/// <summary>
/// Folds text for matching: NFKC, default-ignorables removed (ZWJ and VS16 kept inside emoji), apostrophes unified,
/// full case folding (ß→ss, ſ→s, ς→σ, ı/İ→i, Kelvin sign→k) and accents removed from Latin letters.
/// </summary>
/// <remarks>
/// Linear in the length of the text; ASCII takes a fast path and other characters are folded once and cached. Any
/// UTF-16 string folds without an exception: a lone surrogate folds to U+FFFD and noncharacters stay as they are.
/// </remarks>
internal static class TextFolder
{
    // The longest cluster (in UTF-16 code units) composed as a whole; longer ones (stacked marks, runs of jamo) are
    // folded one code point at a time, so that no character is looked at more than this many times.
    private const int MaxComposedCluster = 32;

    // Folded form of every BMP character that stands alone (no following combining mark), filled on first use.
    private static readonly string?[] BmpCache = new string?[0x10000];

    /// <summary>Folds <paramref name="text"/> into <paramref name="output"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Fold(string text, FoldedText output)
    {
        output.Reset(text);
        var span = text.AsSpan();
        var previousEmoji = false;
        var previousStripsMarks = false;
        var i = 0;
        while (i < span.Length)
        {
            if (span[i] < 0x80)
            {
                // A run of ASCII (most of most posts) folds character for character, capitals lowered.
                var run = span[i..].IndexOfAnyExceptInRange('\0', '\u007F');
                var runEnd = run < 0 ? span.Length : i + run;
                output.AppendAscii(span[i..runEnd], i);
                previousEmoji = false;
                previousStripsMarks = char.IsAsciiLetterOrDigit(span[runEnd - 1]);
                i = runEnd;
                continue;
            }

            var rune = CharClass.RuneAt(span, i, out var length);
            var end = i + length;
            var value = rune.Value;
            if (value == 0x200D)
            {
                // ZWJ joins emoji; anywhere else it is invisible noise.
                if (previousEmoji && end < span.Length && CharClass.IsEmoji(CharClass.RuneAt(span, end, out _).Value))
                {
                    output.Append((char)value, i, end, false);
                }

                i = end;
                continue;
            }

            if (value == 0xFE0F || CharClass.IsEmojiTag(value))
            {
                if (previousEmoji)
                {
                    AppendRune(output, rune, i, end, false);
                }

                i = end;
                continue;
            }

            if (CharClass.IsDefaultIgnorable(value))
            {
                i = end;
                continue;
            }

            if (CharClass.IsMark(rune))
            {
                if (previousStripsMarks)
                {
                    // An accent on a Latin letter: drop it but keep it inside the letter's original range.
                    output.ExtendLast(end);
                    i = end;
                    continue;
                }
            }
            else if (!CharClass.IsEmoji(value))
            {
                var segmentEnd = end;
                while (segmentEnd < span.Length && segmentEnd - i <= MaxComposedCluster
                    && CharClass.ExtendsCluster(CharClass.RuneAt(span, segmentEnd, out var markLength)))
                {
                    segmentEnd += markLength;
                }

                if (segmentEnd > end && segmentEnd - i <= MaxComposedCluster && !CharClass.IsLatinLetter(value) && rune != Rune.ReplacementChar)
                {
                    // A non-Latin letter with combining marks: compose the whole cluster so precomposed and decomposed forms agree.
                    var composed = FoldString(SafeNormalizer.Normalize(span[i..segmentEnd].ToString(), NormalizationForm.FormKC));
                    foreach (var ch in composed)
                    {
                        output.Append(ch, i, segmentEnd, false);
                    }

                    previousEmoji = false;
                    previousStripsMarks = false;
                    i = segmentEnd;
                    continue;
                }
            }

            var folded = FoldRune(rune);
            var isUpper = Rune.IsUpper(rune) || Rune.GetUnicodeCategory(rune) == UnicodeCategory.TitlecaseLetter;
            foreach (var ch in folded)
            {
                output.Append(ch, i, end, isUpper);
            }

            previousEmoji = CharClass.IsEmoji(value) || (previousEmoji && (CharClass.IsSkinTone(value) || value == 0x20E3));
            previousStripsMarks = folded.Length > 0 && folded[^1] < 0x250 && char.IsLetterOrDigit(folded[^1]);
            i = end;
        }
    }

    /// <summary>Folds a whole string (used for query terms and metadata values) without an offset map.</summary>
    public static string FoldToString(string text)
    {
        using var folded = new FoldedText();
        Fold(text, folded);
        return folded.Folded.ToString();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AppendRune(FoldedText output, Rune rune, int start, int end, bool upper)
    {
        Span<char> buffer = stackalloc char[2];
        var written = rune.EncodeToUtf16(buffer);
        for (var k = 0; k < written; k++)
        {
            output.Append(buffer[k], start, end, upper);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string FoldRune(Rune rune)
    {
        if (rune.IsBmp)
        {
            return BmpCache[rune.Value] ??= ComputeFold(rune);
        }

        return ComputeFold(rune);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string ComputeFold(Rune rune)
    {
        var category = Rune.GetUnicodeCategory(rune);
        if (category == UnicodeCategory.OtherSymbol || CharClass.IsEmoji(rune.Value))
        {
            // Symbols and emoji stay as written (NFKC would turn ™ into "TM").
            return rune.ToString();
        }

        return FoldString(SafeNormalizer.Normalize(rune.ToString(), NormalizationForm.FormKC));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string FoldString(string nfkc)
    {
        var decomposed = SafeNormalizer.Normalize(nfkc, NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length + 2);
        var latinBase = false;
        foreach (var rune in decomposed.EnumerateRunes())
        {
            if (CharClass.IsMark(rune))
            {
                if (!latinBase)
                {
                    builder.Append(rune.ToString());
                }

                continue;
            }

            latinBase = CharClass.IsLatinLetter(rune.Value) || (rune.IsAscii && char.IsAsciiDigit((char)rune.Value));
            builder.Append(CaseFold(rune));
        }

        return SafeNormalizer.Normalize(builder.ToString(), NormalizationForm.FormC);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string CaseFold(Rune rune) => rune.Value switch
    {
        0x00DF or 0x1E9E => "ss",
        0x03C2 => "\u03C3",
        0x0131 or 0x0130 => "i",
        0x017F => "s",
        0x2019 or 0x2018 or 0x02BC or 0xFF07 => "'",
        0x0141 or 0x0142 => "l",
        0x00D8 or 0x00F8 => "o",
        0x0110 or 0x0111 => "d",
        0x00C6 or 0x00E6 => "ae",
        0x0152 or 0x0153 => "oe",
        _ => Rune.ToLowerInvariant(rune).ToString(),
    };
}

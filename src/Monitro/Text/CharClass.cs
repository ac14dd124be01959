using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Monitro.Text;

/// <summary>Classifies code points the way social text needs: emoji, scripts without spaces, ignorables.</summary>
internal static class CharClass
{
    /// <summary>Returns whether the code point is a Unicode default-ignorable that carries no meaning for matching.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool IsDefaultIgnorable(int value) =>
        value is 0x00AD or 0x034F or 0x061C or 0x115F or 0x1160 or 0x17B4 or 0x17B5 or 0x180E or 0x3164 or 0xFEFF or 0xFFA0
        || (value >= 0x180B && value <= 0x180F)
        || (value >= 0x200B && value <= 0x200F)
        || (value >= 0x202A && value <= 0x202E)
        || (value >= 0x2060 && value <= 0x206F)
        || (value >= 0xFE00 && value <= 0xFE0F)
        || (value >= 0x1BCA0 && value <= 0x1BCA3)
        || (value >= 0x1D173 && value <= 0x1D17A)
        || (value >= 0xE0000 && value <= 0xE0FFF);

    /// <summary>Returns whether the code point starts or continues an emoji (pictographs, regional indicators, skin tones).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool IsEmoji(int value) =>
        (value >= 0x1F000 && value <= 0x1FAFF)
        || (value >= 0x2600 && value <= 0x27BF)
        || (value >= 0x2300 && value <= 0x23FF)
        || (value >= 0x2B00 && value <= 0x2BFF)
        || (value >= 0x2190 && value <= 0x21FF)
        || (value >= 0x25A0 && value <= 0x25FF)
        || value is 0x00A9 or 0x00AE or 0x203C or 0x2049 or 0x2122 or 0x2139 or 0x24C2 or 0x3030 or 0x303D or 0x3297 or 0x3299;

    /// <summary>Returns whether the code point is a skin-tone modifier.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool IsSkinTone(int value) => value >= 0x1F3FB && value <= 0x1F3FF;

    /// <summary>Returns whether the code point is a regional indicator (half of a flag).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool IsRegionalIndicator(int value) => value >= 0x1F1E6 && value <= 0x1F1FF;

    /// <summary>Returns whether the code point is a tag character (used in subdivision flags).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool IsEmojiTag(int value) => value >= 0xE0020 && value <= 0xE007F;

    /// <summary>
    /// Returns whether the code point belongs to a script written without spaces between words
    /// (Han, Hiragana, Katakana, Thai, Lao, Khmer, Myanmar); such text is matched by substring.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool IsUnspacedScript(int value) =>
        (value >= 0x0E00 && value <= 0x0EFF)
        || (value >= 0x1000 && value <= 0x109F)
        || (value >= 0x1780 && value <= 0x17FF)
        || (value >= 0x3040 && value <= 0x30FF)
        || (value >= 0x31F0 && value <= 0x31FF)
        || (value >= 0x3400 && value <= 0x4DBF)
        || (value >= 0x4E00 && value <= 0x9FFF)
        || (value >= 0xF900 && value <= 0xFAFF)
        || (value >= 0x20000 && value <= 0x3FFFF)
        || value is 0x3005 or 0x3006 or 0x3007;

    /// <summary>Returns whether the code point is a combining mark.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool IsMark(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    /// <summary>Returns whether the code point composes with the one before it (a combining mark or a Hangul vowel or final jamo).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool ExtendsCluster(Rune rune) =>
        IsMark(rune) || (rune.Value >= 0x1160 && rune.Value <= 0x11FF) || (rune.Value >= 0xD7B0 && rune.Value <= 0xD7FF);

    /// <summary>Returns whether the code point can be part of a word: a letter, a decimal digit or a combining mark.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool IsWordRune(Rune rune)
    {
        if (rune.IsAscii)
        {
            return char.IsAsciiLetterOrDigit((char)rune.Value);
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => true,
            _ => false,
        };
    }

    /// <summary>Returns whether the code point is a letter of the Latin script (whose accents are removed for matching).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool IsLatinLetter(int value) =>
        (value < 0x80 && char.IsAsciiLetter((char)value))
        || (value >= 0x00C0 && value <= 0x024F && value != 0x00D7 && value != 0x00F7)
        || (value >= 0x1E00 && value <= 0x1EFF)
        || (value >= 0x2C60 && value <= 0x2C7F)
        || (value >= 0xA720 && value <= 0xA7FF)
        || (value >= 0xAB30 && value <= 0xAB6F);

    /// <summary>Reads the code point at <paramref name="index"/>; an unpaired surrogate reads as U+FFFD of length one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Rune RuneAt(ReadOnlySpan<char> text, int index, out int length)
    {
        if (Rune.DecodeFromUtf16(text[index..], out var rune, out length) != System.Buffers.OperationStatus.Done)
        {
            length = 1;
            return Rune.ReplacementChar;
        }

        return rune;
    }
}

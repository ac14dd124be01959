using System.Text;
using System.Text.RegularExpressions;

namespace Monitro.Sources.Shared;

/// <summary>
/// Decodes XML bytes the way browsers and feedparser do: a byte order mark decides; then the HTTP charset, which
/// overrides the XML declaration (RFC 3023); then the declaration; then the byte pattern of an undeclared UTF-16 or
/// UTF-32 document; then UTF-8 when the bytes are valid UTF-8, else windows-1252. ISO-8859-1 and US-ASCII are read as
/// windows-1252, its superset, as browsers do (the curly quotes of "iso-8859-1" feeds are windows-1252 bytes).
/// Decoding is strict first, lenient if that fails.
/// </summary>
internal static partial class TextDecoding
{
    private const int Windows1252 = 1252;

    static TextDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Decodes <paramref name="bytes"/>; <paramref name="valid"/> is <see langword="false"/> when invalid bytes were replaced.</summary>
    public static string Decode(byte[] bytes, string? httpCharset, out string encodingName, out bool valid)
    {
        var encoding = Detect(bytes, httpCharset, out var bomLength);
        encodingName = encoding.WebName;
        var body = bytes.AsSpan(bomLength);
        var strict = Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        try
        {
            valid = true;
            return strict.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            valid = false;
            return encoding.GetString(body);
        }
    }

    private static Encoding Detect(byte[] bytes, string? httpCharset, out int bomLength)
    {
        var bom = ByteOrderMark(bytes, out bomLength);
        if (bom is not null)
        {
            return bom;
        }

        var pattern = UnmarkedUnicode(bytes);
        var declared = pattern is null ? XmlEncoding().Match(Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 256))) : null;
        var named = TryGet(httpCharset?.Trim().Trim('"', '\'')) ?? TryGet(declared is { Success: true } ? declared.Groups[1].Value : null);

        // A name of a two- or four-byte encoding over bytes that are not laid out that way is wrong; the bytes win.
        if (named is not null && IsWide(named) == (pattern is not null))
        {
            return named;
        }

        return pattern ?? (IsUtf8(bytes) ? Encoding.UTF8 : Encoding.GetEncoding(Windows1252));
    }

    private static Encoding? ByteOrderMark(byte[] bytes, out int length)
    {
        (Encoding? encoding, length) = bytes switch
        {
            [0xEF, 0xBB, 0xBF, ..] => (Encoding.UTF8, 3),
            [0x00, 0x00, 0xFE, 0xFF, ..] => (new UTF32Encoding(bigEndian: true, byteOrderMark: false), 4),
            [0xFF, 0xFE, 0x00, 0x00, ..] => (new UTF32Encoding(bigEndian: false, byteOrderMark: false), 4),
            [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, 2),
            [0xFF, 0xFE, ..] => (Encoding.Unicode, 2),
            _ => ((Encoding?)null, 0),
        };
        return encoding;
    }

    /// <summary>Recognises a UTF-16 or UTF-32 document without a byte order mark by its first character, <c>&lt;</c>.</summary>
    private static Encoding? UnmarkedUnicode(byte[] bytes) => bytes switch
    {
        [0x00, 0x00, 0x00, 0x3C, ..] => new UTF32Encoding(bigEndian: true, byteOrderMark: false),
        [0x3C, 0x00, 0x00, 0x00, ..] => new UTF32Encoding(bigEndian: false, byteOrderMark: false),
        [0x00, 0x3C, 0x00, _, ..] => Encoding.BigEndianUnicode,
        [0x3C, 0x00, _, 0x00, ..] => Encoding.Unicode,
        _ => null,
    };

    private static bool IsWide(Encoding encoding) => encoding.CodePage is 1200 or 1201 or 12000 or 12001;

    private static bool IsUtf8(byte[] bytes) => System.Text.Unicode.Utf8.IsValid(bytes);

    private static Encoding? TryGet(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        try
        {
            var encoding = Encoding.GetEncoding(name);

            // UTF-7 can smuggle markup past a reader; windows-1252 covers what "latin-1" and "ascii" feeds really contain.
            return encoding.CodePage switch
            {
                28591 or 20127 => Encoding.GetEncoding(Windows1252),
                65000 => null,
                _ => encoding,
            };
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^\s*<\?xml[^>]*encoding\s*=\s*[""']([A-Za-z0-9._:\-]+)[""']", RegexOptions.CultureInvariant)]
    private static partial Regex XmlEncoding();
}

using System.Text;
using System.Text.RegularExpressions;

namespace Monitro.Sources;

/// <summary>Decodes bytes in whatever encoding they declare (byte order mark, XML declaration, HTTP charset), strictly first, leniently if that fails.</summary>
internal static partial class TextDecoding
{
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
        bomLength = 0;
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bomLength = 3;
            return Encoding.UTF8;
        }

        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            bomLength = 2;
            return Encoding.Unicode;
        }

        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            bomLength = 2;
            return Encoding.BigEndianUnicode;
        }

        // The XML declaration is ASCII in every encoding a feed may use without a byte order mark.
        var head = Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 256));
        var declared = XmlEncoding().Match(head);
        return TryGet(declared.Success ? declared.Groups[1].Value : null)
            ?? TryGet(httpCharset?.Trim('"'))
            ?? Encoding.UTF8;
    }

    private static Encoding? TryGet(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^\s*<\?xml[^>]*encoding\s*=\s*[""']([A-Za-z0-9._\-]+)[""']", RegexOptions.CultureInvariant)]
    private static partial Regex XmlEncoding();
}

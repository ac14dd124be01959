using System.Text;
using System.Text.RegularExpressions;

namespace Monitro.Sources.Tests.Rss.Conformance;

/// <summary>
/// One test feed of the feedparser suite: its bytes, the HTTP headers to serve it with, its <c>Expect:</c> expression
/// and how many entries it holds. The header comment is read in the file's own encoding (UTF-16/32 files included).
/// </summary>
public sealed partial class FeedTestFile
{
    private FeedTestFile(string path, string relativePath, byte[] bytes, string text)
    {
        Path = path;
        RelativePath = relativePath;
        Folder = relativePath.Split('/')[0];
        Bytes = bytes;
        var comment = HeaderComment().Match(text);
        var head = comment.Success ? comment.Groups[1].Value : string.Empty;
        Expect = ExpectLine().Match(head) is { Success: true } expect ? string.Join(' ', expect.Groups[1].Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) : string.Empty;
        Headers = [.. HeaderLine().Matches(head).Select(m => new KeyValuePair<string, string>(m.Groups[1].Value.Trim(), m.Groups[2].Value.Trim()))];
        var body = comment.Success ? text[(comment.Index + comment.Length)..] : text;
        EntryCount = EntryElement().Count(body);
    }

    /// <summary>Gets the full path of the file.</summary>
    public string Path { get; }

    /// <summary>Gets the path below the suite folder, with forward slashes (<c>wellformed/rss/item_title.xml</c>).</summary>
    public string RelativePath { get; }

    /// <summary>Gets the suite's top folder: wellformed, illformed, encoding, entities or json.</summary>
    public string Folder { get; }

    /// <summary>Gets the file as served.</summary>
    public byte[] Bytes { get; }

    /// <summary>Gets the Python expression the parse must satisfy, on one line.</summary>
    public string Expect { get; }

    /// <summary>Gets the HTTP response headers to serve the file with.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>Gets the number of item/entry elements in the file.</summary>
    public int EntryCount { get; }

    /// <summary>Reads every file of the suite, in a stable order.</summary>
    public static IReadOnlyList<FeedTestFile> ReadSuite(string suiteFolder) =>
    [
        .. Directory.EnumerateFiles(suiteFolder, "*", SearchOption.AllDirectories)
            .Select(path => (path, relative: System.IO.Path.GetRelativePath(suiteFolder, path).Replace('\\', '/')))
            .Where(f => f.relative.Contains('/', StringComparison.Ordinal))
            .OrderBy(f => f.relative, StringComparer.Ordinal)
            .Select(f => Read(f.path, f.relative)),
    ];

    private static FeedTestFile Read(string path, string relativePath)
    {
        var bytes = File.ReadAllBytes(path);
        return new FeedTestFile(path, relativePath, bytes, InspectionText(bytes));
    }

    /// <summary>Decodes the file well enough to read its comment and count its entries: by byte order mark or zero-byte pattern, else Latin-1.</summary>
    private static string InspectionText(byte[] bytes)
    {
        Encoding encoding = bytes switch
        {
            [0x00, 0x00, 0xFE, 0xFF, ..] or [0x00, 0x00, 0x00, _, ..] => new UTF32Encoding(bigEndian: true, byteOrderMark: true),
            [0xFF, 0xFE, 0x00, 0x00, ..] or [_, 0x00, 0x00, 0x00, ..] => new UTF32Encoding(bigEndian: false, byteOrderMark: true),
            [0xFE, 0xFF, ..] or [0x00, _, ..] => Encoding.BigEndianUnicode,
            [0xFF, 0xFE, ..] or [_, 0x00, ..] => Encoding.Unicode,
            _ => Encoding.Latin1,
        };
        return encoding.GetString(bytes).TrimStart('\uFEFF');
    }

    [GeneratedRegex(@"<!--(.*?)-->", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex HeaderComment();

    [GeneratedRegex(@"Expect:(.*?)(?=^\s*(?:Header|Description|Expect):|\z)", RegexOptions.Singleline | RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex ExpectLine();

    [GeneratedRegex(@"^\s*Header:\s*([A-Za-z0-9-]+):(.*)$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex HeaderLine();

    [GeneratedRegex(@"<(?:[A-Za-z0-9_-]+:)?(?:item|entry)[\s>/]", RegexOptions.CultureInvariant)]
    private static partial Regex EntryElement();
}

using System.Text;
using Monitro.Sources.Shared;

namespace Monitro.Sources.Tests.Common;

public sealed class TextDecodingTests
{
    private static string Feed(string encoding) => $"<?xml version=\"1.0\" encoding=\"{encoding}\"?><rss><title>caf\u00e9 \u201cquoted\u201d</title></rss>";

    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    private static string Decode(byte[] bytes, string? httpCharset = null) => TextDecoding.Decode(bytes, httpCharset, out _, out _);

    [Theory]
    [InlineData("utf-16le", true)]
    [InlineData("utf-16be", true)]
    [InlineData("utf-32le", true)]
    [InlineData("utf-32be", true)]
    [InlineData("utf-16le", false)]
    [InlineData("utf-16be", false)]
    [InlineData("utf-32le", false)]
    [InlineData("utf-32be", false)]
    public void Decode_Utf16AndUtf32_WithOrWithoutByteOrderMark(string name, bool bom)
    {
        var encoding = Encoding.GetEncoding(name);
        var text = Feed(bom ? "utf-16" : name);
        var bytes = (bom ? encoding.GetPreamble() : []).Concat(encoding.GetBytes(text)).ToArray();

        Assert.Equal(text, Decode(bytes));
    }

    [Fact]
    public void Decode_HttpCharset_OverridesTheXmlDeclaration()
    {
        var text = Feed("utf-8");

        Assert.Contains("caf\u00e9", Decode(Windows1252.GetBytes(text), "windows-1252"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("iso-8859-1")]
    [InlineData("us-ascii")]
    public void Decode_Latin1AndAscii_AreReadAsWindows1252(string declared)
    {
        var bytes = Windows1252.GetBytes(Feed(declared));

        Assert.Contains("caf\u00e9 \u201cquoted\u201d", Decode(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_Undeclared8BitText_FallsBackToWindows1252()
    {
        var bytes = Windows1252.GetBytes("<rss><title>caf\u00e9 \u201cquoted\u201d</title></rss>");

        Assert.Equal("<rss><title>caf\u00e9 \u201cquoted\u201d</title></rss>", Decode(bytes));
    }

    [Fact]
    public void Decode_UndeclaredUtf8_StaysUtf8() =>
        Assert.Equal("<rss>caf\u00e9</rss>", Decode(Encoding.UTF8.GetBytes("<rss>caf\u00e9</rss>")));
}

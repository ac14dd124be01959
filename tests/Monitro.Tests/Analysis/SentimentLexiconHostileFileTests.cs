using System.Globalization;
using System.Text;

namespace Monitro.Tests.Analysis;

// Lexicon files and options written to break the sentiment analyzer's loading: huge files, ratings that are not finite
// numbers, byte order marks, CR/LF line ends, the same word twice, lines of 10 MB, terms that normalize to nothing.
// Each gives a clear error naming the line (short enough for a log) or a lexicon that reads as written; an analyzer
// built from what loads never throws.
public sealed class SentimentLexiconHostileFileTests : IDisposable
{
    // What an error message may hold at most, whatever the line: enough to name the line and show its start.
    private const int MaxMessageLength = 400;

    private const int TenMegabytes = 10 * 1024 * 1024;

    private readonly string _directory = Directory.CreateTempSubdirectory("monitro-lexicon-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("NaN")]
    [InlineData("nan")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("∞")]
    [InlineData("1e309")]
    [InlineData("-1e309")]
    [InlineData("4.0000001")]
    [InlineData("0x10")]
    [InlineData("1,5")]
    [InlineData("")]
    public void LoadLexicon_RatingThatIsNotAFiniteNumberInRange_NamesTheLine(string rating)
    {
        var exception = Assert.Throws<FormatException>(() => LexiconSentimentAnalyzer.LoadLexicon(new StringReader($"# header\ngood\t2\n\nbad\t{rating}\n")));
        Assert.Contains("line 4", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no tab at all")]
    [InlineData("a number too long to show")]
    [InlineData("a term too long to show")]
    public void LoadLexicon_TenMegabyteLine_GivesAShortErrorNamingTheLine(string shape)
    {
        var line = shape switch
        {
            "no tab at all" => new string('x', TenMegabytes),
            "a number too long to show" => "good\t1" + new string('0', TenMegabytes),
            _ => new string('x', TenMegabytes) + "\tNaN",
        };

        var exception = Assert.Throws<FormatException>(() => LexiconSentimentAnalyzer.LoadLexicon(new StringReader("good\t2\n" + line + "\n")));

        Assert.Contains("line 2", exception.Message, StringComparison.Ordinal);
        Assert.True(exception.Message.Length <= MaxMessageLength, $"a message of {exception.Message.Length} characters");
    }

    [Fact]
    public void DomainWord_TenMegabytesLongWithABadRating_GivesAShortError()
    {
        var options = new SentimentOptions();
        options.DomainWords[new string('x', TenMegabytes)] = double.NaN;

        var exception = Assert.Throws<ArgumentException>(() => new LexiconSentimentAnalyzer(options));

        Assert.True(exception.Message.Length <= MaxMessageLength, $"a message of {exception.Message.Length} characters");
    }

    [Fact]
    public void LoadLexicon_AHugeFile_ReadsEveryTermWithWorkLinearInItsSize()
    {
        string Lines(int count)
        {
            var builder = new StringBuilder();
            for (var i = 0; i < count; i++)
            {
                builder.Append(CultureInfo.InvariantCulture, $"word{i}\t{(i % 81 / 10.0) - 4:0.0}\tcomment\n");
            }

            return builder.ToString();
        }

        var half = Lines(200_000);
        var full = Lines(400_000);
        Assert.Equal(400_000, LexiconSentimentAnalyzer.LoadLexicon(new StringReader(full)).Count);
        var halfBytes = Allocated(() => LexiconSentimentAnalyzer.LoadLexicon(new StringReader(half)));
        var fullBytes = Allocated(() => LexiconSentimentAnalyzer.LoadLexicon(new StringReader(full)));
        Assert.True(fullBytes <= 2.5 * halfBytes, $"{halfBytes} bytes for 200,000 lines, {fullBytes} for 400,000");

        // And the analyzer built from it reads text with it.
        var analyzer = new LexiconSentimentAnalyzer(new SentimentOptions { Lexicon = LexiconSentimentAnalyzer.LoadLexicon(new StringReader(full)) });
        Assert.Equal(SentimentLabel.Positive, analyzer.Analyze("word80 word80", "en").Label);
    }

    [Theory]
    [InlineData("utf-8 with a BOM")]
    [InlineData("utf-16 with a BOM")]
    [InlineData("utf-16 big-endian with a BOM")]
    [InlineData("CR LF")]
    [InlineData("CR")]
    public void LoadLexicon_FileWithAByteOrderMarkOrOtherLineEnds_ReadsTheFirstTermAsWritten(string shape)
    {
        var text = shape is "CR LF" ? "good\t2\r\nbad\t-2\r\n" : shape is "CR" ? "good\t2\rbad\t-2\r" : "good\t2\nbad\t-2\n";
        var encoding = shape switch
        {
            "utf-16 with a BOM" => Encoding.Unicode,
            "utf-16 big-endian with a BOM" => Encoding.BigEndianUnicode,
            _ => new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
        };
        var path = Path.Combine(_directory, "lexicon.tsv");
        File.WriteAllBytes(path, [.. encoding.GetPreamble(), .. encoding.GetBytes(text)]);

        var lexicon = LexiconSentimentAnalyzer.LoadLexicon(path);

        Assert.Equal(2, lexicon["good"]);
        Assert.Equal(-2, lexicon["bad"]);
        Assert.Equal(2, lexicon.Count);
    }

    [Fact]
    public void LoadLexicon_ReaderStartingWithAByteOrderMark_ReadsTheFirstTermWithoutIt()
    {
        // A reader handed over as text (File.ReadAllText of a file read with the wrong encoding, a string from a web form).
        var lexicon = LexiconSentimentAnalyzer.LoadLexicon(new StringReader("\uFEFFgood\t2\n"));

        Assert.Equal("good", Assert.Single(lexicon.Keys));
    }

    [Fact]
    public void LoadLexicon_TheSameWordTwiceInAnyCase_TheLaterWins()
    {
        var lexicon = LexiconSentimentAnalyzer.LoadLexicon(new StringReader("good\t1\nGOOD\t3\n good \t-1\ngood\u00A0\t2\n"));

        Assert.Equal(2, Assert.Single(lexicon).Value);
    }

    [Theory]
    [InlineData("\uFE0F")]
    [InlineData("\uFE0F\uFE0F ")]
    [InlineData("\u200B")]
    [InlineData("\uFEFF")]
    [InlineData("\u0000")]
    [InlineData("\uD800")]
    [InlineData("not")]
    [InlineData("but")]
    [InlineData("very")]
    [InlineData("a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h i j k l m n o p q r s t u v w x y z")]
    public void DomainWord_OfAnyShape_IsRefusedOrReadsWithoutThrowing(string term)
    {
        var options = new SentimentOptions();
        options.DomainWords[term] = 3;

        LexiconSentimentAnalyzer analyzer;
        try
        {
            analyzer = new LexiconSentimentAnalyzer(options);
        }
        catch (ArgumentException exception)
        {
            Assert.Contains("SentimentOptions.DomainWords", exception.Message, StringComparison.Ordinal);
            return;
        }

        foreach (var text in new[] { term, "good " + term + " bad", term + term, "\uFE0F", string.Empty, "not " + term, term + "!!!" })
        {
            var score = analyzer.Analyze(text, "en");
            Assert.True(double.IsFinite(score.Compound) && score.Compound is >= -1 and <= 1, $"{score} for '{text}'");
        }
    }

    private static long Allocated(Action action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}

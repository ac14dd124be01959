using Monitro.Analysis;

namespace Monitro.Tests.Analysis;

public sealed class SentimentLexiconLoadingTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "monitro-lexicon-" + Guid.NewGuid().ToString("N"));

    public SentimentLexiconLoadingTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void LoadLexicon_ValidText_ReadsTermsSkipsCommentsAndIgnoresExtraColumns()
    {
        const string text = "# a licensed lexicon\n\nzorp\t3.1\t0.5\t[3, 3, 4]\nblarg\t-2\nfed  up\t-2.3\nZORP\t2.5\n";

        var lexicon = LexiconSentimentAnalyzer.LoadLexicon(new StringReader(text));

        Assert.Equal(3, lexicon.Count);
        Assert.Equal(2.5, lexicon["zorp"]);
        Assert.Equal(-2, lexicon["BLARG"]);
        Assert.Equal(-2.3, lexicon["fed up"]);
    }

    [Theory]
    [InlineData("good\t1.9\nno tab here\n", 2)]
    [InlineData("good\t1.9\nbad\t-2.5\nworse\tvery\n", 3)]
    [InlineData("\t1.0\n", 1)]
    [InlineData("# header\ngood\t4.5\n", 2)]
    [InlineData("good\tNaN\n", 1)]
    [InlineData("good\t\n", 1)]
    public void LoadLexicon_MalformedLine_ThrowsFormatExceptionNamingTheLine(string text, int line)
    {
        var exception = Assert.Throws<FormatException>(() => LexiconSentimentAnalyzer.LoadLexicon(new StringReader(text)));

        Assert.Contains($"line {line}", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadLexicon_MalformedFile_NamesTheFileAndLine()
    {
        var path = WriteFile("good\t1.9\nbroken line\n");

        var exception = Assert.Throws<FormatException>(() => LexiconSentimentAnalyzer.LoadLexicon(path));

        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
        Assert.Contains("line 2", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadLexicon_NullReader_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => LexiconSentimentAnalyzer.LoadLexicon((TextReader)null!));
    }

    [Fact]
    public void Constructor_LexiconPath_ReplacesTheBuiltInLexicon()
    {
        var path = WriteFile("zorp\t3\nblarg\t-3\n");
        var sut = new LexiconSentimentAnalyzer(new SentimentOptions { LexiconPath = path });

        Assert.Equal(2, sut.LexiconSize);
        Assert.Equal(SentimentLabel.Positive, sut.Analyze("the zorp release", "en").Label);
        Assert.Equal(SentimentLabel.Negative, sut.Analyze("not zorp at all", "en").Label);
        Assert.Equal(SentimentLabel.Neutral, sut.Analyze("the release is good", "en").Label);
    }

    [Fact]
    public void Constructor_LexiconPathWithMalformedLine_ThrowsFormatException()
    {
        var path = WriteFile("zorp\tthree\n");

        var exception = Assert.Throws<FormatException>(() => new LexiconSentimentAnalyzer(new SentimentOptions { LexiconPath = path }));

        Assert.Contains("line 1", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_MissingLexiconFile_ThrowsArgumentException()
    {
        var path = Path.Combine(_directory, "missing.tsv");

        var exception = Assert.Throws<ArgumentException>(() => new LexiconSentimentAnalyzer(new SentimentOptions { LexiconPath = path }));

        Assert.Contains("missing.tsv", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_LexiconAndLexiconPath_ThrowsArgumentException()
    {
        var options = new SentimentOptions
        {
            LexiconPath = WriteFile("zorp\t3\n"),
            Lexicon = new Dictionary<string, double> { ["zorp"] = 3 },
        };

        Assert.Throws<ArgumentException>(() => new LexiconSentimentAnalyzer(options));
    }

    [Fact]
    public void Constructor_LexiconObject_IsUsedWithDomainWordsOnTop()
    {
        var options = new SentimentOptions { Lexicon = new Dictionary<string, double> { ["zorp"] = 3, ["meh"] = -1 } };
        options.DomainWords["meh"] = 2;
        var sut = new LexiconSentimentAnalyzer(options);

        Assert.Equal(SentimentLabel.Positive, sut.Analyze("meh", "en").Label);
        Assert.Equal(SentimentLabel.Positive, sut.Analyze("zorp", "en").Label);
    }

    [Fact]
    public void Constructor_DomainWords_AddNewTermsAndOverrideBuiltInOnes()
    {
        var options = new SentimentOptions();
        options.DomainWords["flurble"] = -2;
        options.DomainWords["outage"] = -3.8;
        options.DomainWords["release train"] = 2;
        var sut = new LexiconSentimentAnalyzer(options);
        var builtIn = new LexiconSentimentAnalyzer();

        Assert.Equal(SentimentLabel.Neutral, builtIn.Analyze("a flurble today", "en").Label);
        Assert.Equal(SentimentLabel.Negative, sut.Analyze("a flurble today", "en").Label);
        Assert.True(sut.Analyze("another outage", "en").Compound < builtIn.Analyze("another outage", "en").Compound);
        Assert.Equal(SentimentLabel.Positive, sut.Analyze("the release train", "en").Label);
        Assert.Equal(builtIn.LexiconSize + 2, sut.LexiconSize);
    }

    [Theory]
    [InlineData(4.5)]
    [InlineData(-4.01)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Constructor_DomainWordOutsideScale_ThrowsArgumentException(double rating)
    {
        var options = new SentimentOptions();
        options.DomainWords["outage"] = rating;

        var exception = Assert.Throws<ArgumentException>(() => new LexiconSentimentAnalyzer(options));

        Assert.Contains("outage", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_EmptyDomainWord_ThrowsArgumentException()
    {
        var options = new SentimentOptions();
        options.DomainWords["  "] = 1;

        Assert.Throws<ArgumentException>(() => new LexiconSentimentAnalyzer(options));
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1)]
    [InlineData(double.NaN)]
    public void Constructor_NeutralThresholdOutOfRange_ThrowsArgumentOutOfRangeException(double threshold)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LexiconSentimentAnalyzer(new SentimentOptions { NeutralThreshold = threshold }));
    }

    [Fact]
    public void Constructor_NullOptions_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new LexiconSentimentAnalyzer(null!));
    }

    private string WriteFile(string content)
    {
        var path = Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".tsv");
        File.WriteAllText(path, content);
        return path;
    }
}

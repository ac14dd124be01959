using Monitro.Sources.Rss;

namespace Monitro.Sources.Tests.Rss;

public sealed class LenientDateTests
{
    [Theory]
    [InlineData("Wed, 02 Oct 2002 13:00:00 GMT", "2002-10-02T13:00:00+00:00")]
    [InlineData("Wed, 2 Oct 2002 13:00:00 GMT", "2002-10-02T13:00:00+00:00")]
    [InlineData("2 Oct 2002 13:00 +0200", "2002-10-02T13:00:00+02:00")]
    [InlineData("Wed, 02 Oct 02 13:00:00 EST", "2002-10-02T13:00:00-05:00")]
    [InlineData("Wed, 02 Oct 2002 13:00:00 CET", "2002-10-02T13:00:00+01:00")]
    [InlineData("Wed, 02 Oct 2002 08:00:00 +01:00", "2002-10-02T08:00:00+01:00")]
    [InlineData("2024-11-19T14:26:15Z", "2024-11-19T14:26:15+00:00")]
    [InlineData("2024-11-19T14:26:15+01:00", "2024-11-19T14:26:15+01:00")]
    [InlineData("  2024-11-19T14:26:15.123-07:00 ", "2024-11-19T14:26:15.123-07:00")]
    public void Parse_RealWorldVariants_GivesTheInstant(string text, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), LenientDate.Parse(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yesterday-ish")]
    public void Parse_MissingOrNonsense_GivesNull(string? text) => Assert.Null(LenientDate.Parse(text));
}

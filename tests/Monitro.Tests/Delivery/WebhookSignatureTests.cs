using System.Text;
using Monitro.Alerting.Delivery;

namespace Monitro.Tests.Delivery;

public sealed class WebhookSignatureTests
{
    private const string Secret = "0123456789abcdef0123456789abcdef";
    private static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(1_767_225_600);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"id\":\"w|p\"}");
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    [Fact]
    public void Sign_KnownInput_MatchesAnIndependentlyComputedHmac()
    {
        // Computed outside .NET: HMAC-SHA256(secret, "1767225600.{\"id\":\"w|p\"}").
        Assert.Equal("v1=ba7665caf287638b27bab1d32456a31663ff35ebbc508e1253d4e6670e38182a", WebhookSignature.Sign(Secret, 1_767_225_600, Body));
    }

    [Fact]
    public void Verify_FreshValidSignature_ReturnsTrue()
    {
        var signature = WebhookSignature.Sign(Secret, SignedAt.ToUnixTimeSeconds(), Body);

        Assert.True(WebhookSignature.Verify(Secret, "1767225600", Body, signature, SignedAt.AddSeconds(30), Tolerance));
    }

    [Fact]
    public void Verify_TamperedBody_ReturnsFalse()
    {
        var signature = WebhookSignature.Sign(Secret, SignedAt.ToUnixTimeSeconds(), Body);
        var tampered = Encoding.UTF8.GetBytes("{\"id\":\"w|q\"}");

        Assert.False(WebhookSignature.Verify(Secret, "1767225600", tampered, signature, SignedAt, Tolerance));
    }

    [Fact]
    public void Verify_OtherSecret_ReturnsFalse()
    {
        var signature = WebhookSignature.Sign("another-secret-another-secret-another", SignedAt.ToUnixTimeSeconds(), Body);

        Assert.False(WebhookSignature.Verify(Secret, "1767225600", Body, signature, SignedAt, Tolerance));
    }

    [Fact]
    public void Verify_TimestampChangedAfterSigning_ReturnsFalse()
    {
        var signature = WebhookSignature.Sign(Secret, SignedAt.ToUnixTimeSeconds(), Body);

        Assert.False(WebhookSignature.Verify(Secret, "1767225660", Body, signature, SignedAt.AddMinutes(1), Tolerance));
    }

    [Theory]
    [InlineData(301)] // replayed five minutes and a second later
    [InlineData(-301)] // from the future: a clock far ahead
    public void Verify_TimestampOutsideTheTolerance_ReturnsFalse(int secondsFromSigning)
    {
        var signature = WebhookSignature.Sign(Secret, SignedAt.ToUnixTimeSeconds(), Body);

        Assert.False(WebhookSignature.Verify(Secret, "1767225600", Body, signature, SignedAt.AddSeconds(secondsFromSigning), Tolerance));
        Assert.True(WebhookSignature.Verify(Secret, "1767225600", Body, signature, SignedAt.AddSeconds(Math.Sign(secondsFromSigning) * 300), Tolerance));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("v1=")]
    [InlineData("v1=zz7665caf287638b27bab1d32456a31663ff35ebbc508e1253d4e6670e38182a")]
    [InlineData("v2=ba7665caf287638b27bab1d32456a31663ff35ebbc508e1253d4e6670e38182a")]
    [InlineData("ba7665caf287638b27bab1d32456a31663ff35ebbc508e1253d4e6670e38182a")]
    [InlineData("v1=ba7665caf287638b27bab1d32456a31663ff35ebbc508e1253d4e6670e38182")]
    public void Verify_MalformedSignatureHeader_ReturnsFalse(string? header)
    {
        Assert.False(WebhookSignature.Verify(Secret, "1767225600", Body, header, SignedAt, Tolerance));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("-1767225600")]
    [InlineData("1767225600.5")]
    [InlineData("01767225600")]
    [InlineData("+1767225600")]
    [InlineData(" 1767225600")]
    [InlineData("1767225600 ")]
    [InlineData("١٧٦٧٢٢٥٦٠٠")]
    [InlineData("99999999999999999999")]
    public void Verify_MalformedTimestamp_ReturnsFalse(string? timestamp)
    {
        var signature = WebhookSignature.Sign(Secret, SignedAt.ToUnixTimeSeconds(), Body);

        Assert.False(WebhookSignature.Verify(Secret, timestamp, Body, signature, SignedAt, Tolerance));
    }

    [Fact]
    public void Verify_SeveralSignaturesOneValid_ReturnsTrue()
    {
        var old = WebhookSignature.Sign("the-old-secret-the-old-secret-the-old", SignedAt.ToUnixTimeSeconds(), Body);
        var current = WebhookSignature.Sign(Secret, SignedAt.ToUnixTimeSeconds(), Body);

        Assert.True(WebhookSignature.Verify(Secret, "1767225600", Body, $"{old}, {current}", SignedAt, Tolerance));
    }

    [Fact]
    public void Verify_NegativeTolerance_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WebhookSignature.Verify(Secret, "1", Body, "v1=00", SignedAt, TimeSpan.FromSeconds(-1)));
    }
}

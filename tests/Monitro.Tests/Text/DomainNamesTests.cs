using Monitro.Text;

namespace Monitro.Tests.Text;

public sealed class DomainNamesTests
{
    [Theory]
    [InlineData("acme.com", "acme.com")]
    [InlineData("blog.acme.com", "acme.com")]
    [InlineData("a.b.acme.co.uk", "acme.co.uk")]
    [InlineData("shop.acme.com.au", "acme.com.au")]
    [InlineData("localhost", "localhost")]
    [InlineData("jane.bsky.social", "jane.bsky.social")]
    public void RegistrableDomain_Host_IsSuffixPlusOneLabel(string host, string expected) =>
        Assert.Equal(expected, DomainNames.RegistrableDomain(host).ToString());
}

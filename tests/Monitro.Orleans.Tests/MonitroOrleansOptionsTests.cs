namespace Monitro.Orleans.Tests;

/// <summary>Bad options fail at start, each failure naming its configuration path.</summary>
public sealed class MonitroOrleansOptionsTests
{
    [Fact]
    public void Validate_Defaults_Pass()
    {
        Assert.True(new MonitroOrleansOptionsValidator().Validate(null, new MonitroOrleansOptions()).Succeeded);
    }

    [Fact]
    public void Validate_NoShardsAndANoKeepAlive_FailsNamingBothPaths()
    {
        var result = new MonitroOrleansOptionsValidator().Validate(null, new MonitroOrleansOptions { ShardCount = 0, LeaseKeepAlivePeriod = TimeSpan.Zero });

        Assert.True(result.Failed);
        Assert.Contains("Monitro:Orleans:ShardCount", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Monitro:Orleans:LeaseKeepAlivePeriod", result.FailureMessage, StringComparison.Ordinal);
    }
}

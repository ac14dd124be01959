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

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(65_536, true)]
    [InlineData(65_537, false)]
    public void Validate_PreSearchPartitions_FromZeroTo65536(int partitions, bool valid)
    {
        var result = new MonitroOrleansOptionsValidator().Validate(null, new MonitroOrleansOptions { PreSearchPartitions = partitions });

        Assert.Equal(valid, result.Succeeded);
        Assert.Equal(!valid, result.Failed && result.FailureMessage.Contains("Monitro:Orleans:PreSearchPartitions", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ATenantsAccountAndLinkWithoutPlatform_FailsNamingTheirPaths()
    {
        var options = new MonitroOrleansOptions();
        var acme = new MonitroTenantOptions();
        acme.OwnAccounts.Add("mastodon:acme@example.social");
        acme.OwnAccounts.Add("acme");
        acme.LinkedIdentities.Add(new IdentityLink { First = "mastodon:kim@example.social", Second = "kim" });
        options.Tenants["acme"] = acme;

        var result = new MonitroOrleansOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Monitro:Orleans:Tenants:acme:OwnAccounts:1", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Monitro:Orleans:Tenants:acme:LinkedIdentities:0:Second", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("OwnAccounts:0", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ATenantsBadAlertRules_FailNamingTheTenantsConfigurationPaths()
    {
        var options = new MonitroOrleansOptions();
        var acme = new MonitroTenantOptions();
        acme.Alerting.Rules.Add(new AlertRuleOptions { Name = "daily", Mode = AlertMode.Digest, TopCount = 0 });
        acme.Alerting.Rules.Add(new AlertRuleOptions { Name = "daily", Mode = AlertMode.Spike });
        options.Tenants["acme"] = acme;

        var result = new MonitroOrleansOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Monitro:Orleans:Tenants:acme:Alerting:Rules:0:TopCount", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Monitro:Orleans:Tenants:acme:Alerting", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("names must be unique", result.FailureMessage, StringComparison.Ordinal);
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Monitro.Alerting;
using static Monitro.Tests.Alerting.AlertTestData;

namespace Monitro.Tests.Alerting;

public sealed class AlertingOptionsValidatorTests
{
    private static ValidateOptionsResult Validate(AlertingOptions options) => new AlertingOptionsValidator().Validate(null, options);

    [Fact]
    public void Validate_DefaultsAndAWellFormedRule_Succeed()
    {
        Assert.True(Validate(new AlertingOptions()).Succeeded);
        Assert.True(Validate(Options(Rule("a", AlertMode.Spike, r => { r.Kinds.Add("relationship.*"); r.MaxSentiment = -0.2; }))).Succeeded);
    }

    [Theory]
    [InlineData("Name is required")]
    public void Validate_RuleWithoutName_NamesTheProblem(string expected)
    {
        Assert.Contains(expected, Validate(Options(Rule(" "))).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadValues_EachFailureNamesTheRuleAndOption()
    {
        var failures = Validate(Options(
            Rule("dup"),
            Rule("dup"),
            Rule("bad", AlertMode.Spike, r =>
            {
                r.MinSentiment = 0.5;
                r.MaxSentiment = 1.5;
                r.MinFollowers = -1;
                r.Kinds.Add("rel*ationship");
                r.TopCount = 0;
                r.SpikeWindow = TimeSpan.FromSeconds(5);
                r.BaselineWindows = 1;
                r.Sensitivity = double.NaN;
                r.MinimumCount = 0;
                r.Cooldown = TimeSpan.FromMinutes(-1);
                r.Languages.Add(string.Empty);
            }))).Failures!.ToList();

        Assert.Contains(failures, f => f.StartsWith("Alerting rule 'dup': the name is used by another rule", StringComparison.Ordinal));
        foreach (var option in new[] { "MaxSentiment is 1.5", "MinFollowers is -1", "Kinds has 'rel*ationship'", "TopCount is 0", "SpikeWindow", "BaselineWindows is 1", "Sensitivity", "MinimumCount is 0", "Cooldown", "Languages has an empty entry" })
        {
            Assert.Contains(failures, f => f.StartsWith("Alerting rule 'bad': ", StringComparison.Ordinal) && f.Contains(option, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Validate_MinAboveMaxSentiment_Fails()
    {
        Assert.Contains("no mention could match", Validate(Options(Rule("r", configure: r => { r.MinSentiment = 0.5; r.MaxSentiment = 0.1; }))).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CheckIntervalOutOfRange_Fails()
    {
        Assert.Contains("CheckInterval", Validate(new AlertingOptions { CheckInterval = TimeSpan.Zero }).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AddMonitro_InvalidRules_ThrowOnFirstUseWithTheMessage()
    {
        var services = new ServiceCollection();
        services.AddMonitro();
        services.Configure<AlertingOptions>(options => options.Rules.Add(new AlertRuleOptions { Name = "r", TopCount = 99 }));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AlertingOptions>>().Value);
        Assert.Contains("Alerting rule 'r': TopCount is 99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddMonitro_ValidRules_ReachTheMonitorsRouter()
    {
        var services = new ServiceCollection();
        services.AddMonitro();
        services.Configure<AlertingOptions>(options => options.Rules.Add(new AlertRuleOptions { Name = "complaints" }));
        using var provider = services.BuildServiceProvider();

        Assert.Equal(["complaints"], provider.GetRequiredService<AlertRouter>().RuleNames);
    }
}

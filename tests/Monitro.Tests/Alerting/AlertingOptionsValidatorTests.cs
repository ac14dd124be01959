using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Monitro.Alerting;
using Monitro.Storage.Shared;
using static Monitro.Tests.Alerting.AlertTestData;

namespace Monitro.Tests.Alerting;

public sealed class AlertingOptionsValidatorTests
{
    // What the options system runs: the generated attribute validator and the cross-field one.
    private static ValidateOptionsResult Validate(AlertingOptions options) =>
        OptionsValidation.Validate(options, new AlertingOptionsValidator(), new AlertingOptionsCustomValidator());

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
        foreach (var option in new[] { "Kinds has 'rel*ationship'", "SpikeWindow", "Cooldown", "Languages has an empty entry" })
        {
            Assert.Contains(failures, f => f.StartsWith("Alerting rule 'bad': ", StringComparison.Ordinal) && f.Contains(option, StringComparison.Ordinal));
        }

        // The attribute ranges name the rule by its place in the list, as the configuration does (Rules:2).
        foreach (var option in new[] { "MaxSentiment must be between -1 and 1", "MinFollowers must be between 0", "TopCount must be between 1 and 50", "BaselineWindows must be between 2 and 336", "Sensitivity must be between 0.5 and 10", "MinimumCount must be between 1" })
        {
            Assert.Contains(failures, f => f.Contains("AlertingOptions.Rules[2]." + option, StringComparison.Ordinal));
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
        Assert.Contains("AlertingOptions.Rules[0].TopCount must be between 1 and 50", error.Message, StringComparison.Ordinal);
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

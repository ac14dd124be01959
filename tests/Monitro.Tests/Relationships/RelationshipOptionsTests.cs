using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Monitro.Tests.Relationships;

public sealed class RelationshipOptionsTests
{
    public static TheoryData<string, string> Invalid => new()
    {
        { "BondHalfLife=0", "RelationshipOptions.BondHalfLife must be a positive duration" },
        { "TransitionMaxAge=0", "RelationshipOptions.TransitionMaxAge must be a positive duration" },
        { "ComplaintResponseTarget=-1", "RelationshipOptions.ComplaintResponseTarget must be a positive duration" },
        { "ReplyWeight=-1", "The field RelationshipOptions.ReplyWeight must be between 0 and 1000." },
        { "WarmBand=80", "RelationshipOptions.WarmBand (80) must be lower than StrongBand (70)" },
        { "StrongBand=120", "RelationshipOptions.StrongBand must be between 0 and 100" },
        { "OneWayFactor=1.5", "The field RelationshipOptions.OneWayFactor must be" },
        { "VolumeScale=0", "The field RelationshipOptions.VolumeScale must be" },
        { "AffectMinimumObservations=0", "The field RelationshipOptions.AffectMinimumObservations must be between 1 and 10000." },
        { "DetractorAffect=70", "RelationshipOptions.DetractorAffect (70) must be lower than AdvocateAffect (60)" },
        { "RecoveredToneThreshold=2", "RelationshipOptions.RecoveredToneThreshold must be between -1 and 1" },
        { "LinkedIdentities=jane", "RelationshipOptions.LinkedIdentities[0] must name two identity keys of the form 'platform:handle'" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task StartAsync_InvalidOption_FailsWithAClearMessage(string setting, string message)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddMonitro();
        builder.Services.Configure<RelationshipOptions>(options => Apply(options, setting));
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(failure.Failures, text => text.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Value_Defaults_AreValidAndMatchTheDesign()
    {
        using var provider = new ServiceCollection().AddMonitro().Services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<RelationshipOptions>>().Value;

        Assert.Equal(TimeSpan.FromDays(30), options.BondHalfLife);
        Assert.Equal(TimeSpan.FromMinutes(60), options.ComplaintResponseTarget);
        Assert.Equal(TimeSpan.FromHours(4), options.QuestionResponseTarget);
        Assert.Equal(TimeSpan.FromHours(24), options.OtherResponseTarget);
        Assert.False(options.EnableEmploymentInferences);
    }

    private static void Apply(RelationshipOptions options, string setting)
    {
        var (name, value) = (setting.Split('=')[0], setting.Split('=')[1]);
        switch (name)
        {
            case nameof(RelationshipOptions.BondHalfLife): options.BondHalfLife = TimeSpan.FromDays(double.Parse(value, System.Globalization.CultureInfo.InvariantCulture)); break;
            case nameof(RelationshipOptions.ComplaintResponseTarget): options.ComplaintResponseTarget = TimeSpan.FromMinutes(double.Parse(value, System.Globalization.CultureInfo.InvariantCulture)); break;
            case nameof(RelationshipOptions.TransitionMaxAge): options.TransitionMaxAge = TimeSpan.FromDays(double.Parse(value, System.Globalization.CultureInfo.InvariantCulture)); break;
            case nameof(RelationshipOptions.LinkedIdentities): options.LinkedIdentities.Add(new IdentityLink { First = value, Second = "mastodon:jane" }); break;
            case nameof(RelationshipOptions.AffectMinimumObservations): options.AffectMinimumObservations = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            default:
                var number = double.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
                typeof(RelationshipOptions).GetProperty(name)!.SetValue(options, number);
                break;
        }
    }
}

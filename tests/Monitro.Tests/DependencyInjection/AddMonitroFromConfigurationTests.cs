using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Monitro.Alerting;
using Monitro.Relationships;

namespace Monitro.Tests.DependencyInjection;

public sealed class AddMonitroFromConfigurationTests
{
    private const string Secret = "a-shared-secret-of-at-least-32-bytes!";

    [Fact]
    public void One_section_binds_watches_options_alert_rules_relationships_and_sinks()
    {
        var configuration = Json($$"""
            {
              "Monitro": {
                "Watches": [
                  { "Name": "acme", "Category": "Brand", "Query": "acme OR \"acme corp\"" },
                  { "Name": "rivals", "Category": "Competitor", "Query": "globex" }
                ],
                "OwnAccounts": [ "mastodon:acme@mastodon.social" ],
                "BatchQueueCapacity": 4,
                "SinkRetryWindow": "02:00:00",
                "Alerting": {
                  "CheckInterval": "00:00:30",
                  "Rules": [ { "Name": "digest", "Mode": "Digest", "Period": "Daily", "Categories": [ "Competitor" ] } ]
                },
                "Relationships": { "ReplyWeight": 4 },
                "Webhooks": { "chat": { "Endpoint": "https://chat.example.com/hooks/monitro", "Secret": "{{Secret}}" } },
                "CrmEvents": { "crm": { "Endpoint": "https://crm.example.com/hooks/monitro", "Secret": "{{Secret}}", "Timeout": "00:00:20" } }
              }
            }
            """);
        var services = new ServiceCollection();
        services.AddLogging();

        services.AddMonitro(configuration.GetSection("Monitro"));
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var options = provider.GetRequiredService<IOptions<MonitroOptions>>().Value;
        Assert.Equal(["acme", "rivals"], options.Watches.Select(w => w.Name));
        Assert.Equal(WatchCategory.Competitor, options.Watches[1].Category);
        Assert.Equal("acme OR \"acme corp\"", options.Watches[0].Query);
        Assert.Equal(["mastodon:acme@mastodon.social"], options.OwnAccounts);
        Assert.Equal((4, TimeSpan.FromHours(2)), (options.BatchQueueCapacity, options.SinkRetryWindow));
        var alerting = provider.GetRequiredService<IOptions<AlertingOptions>>().Value;
        var rule = Assert.Single(alerting.Rules);
        Assert.Equal(("digest", AlertMode.Digest, DigestPeriod.Daily, TimeSpan.FromSeconds(30)), (rule.Name, rule.Mode, rule.Period, alerting.CheckInterval));
        Assert.Equal([WatchCategory.Competitor], rule.Categories);
        Assert.Equal(4, provider.GetRequiredService<IOptions<RelationshipOptions>>().Value.ReplyWeight);
        var webhooks = provider.GetRequiredService<IOptionsMonitor<WebhookAlertSinkOptions>>();
        Assert.Equal(new Uri("https://chat.example.com/hooks/monitro"), webhooks.Get("chat").Endpoint);
        Assert.Equal(TimeSpan.FromSeconds(20), webhooks.Get("crm").Timeout);
        var sinks = provider.GetServices<IAlertSink>().ToList();
        Assert.Equal(2, sinks.Count);
        Assert.Single(sinks.OfType<WebhookAlertSink>());
        Assert.Single(sinks.OfType<CrmEventSink>());
    }

    [Fact]
    public void A_query_that_does_not_parse_fails_on_start_with_its_configuration_path()
    {
        var configuration = Json("""
            { "Monitro": { "Watches": [ { "Name": "good", "Query": "acme" }, { "Name": "broken", "Query": "(acme OR globex" } ] } }
            """);
        var services = new ServiceCollection();
        services.AddMonitro(configuration.GetSection("Monitro"));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<MonitroOptions>>().Value);

        Assert.Contains("Property Monitro:Watches:1: The query of watch 'broken' is not valid: expected ')' at 15.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Monitro:Watches:0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_that_does_not_convert_fails_with_its_configuration_path()
    {
        var configuration = Json("""{ "Monitro": { "SinkRetryWindow": "six hours" } }""");
        var services = new ServiceCollection();
        services.AddMonitro(configuration.GetSection("Monitro"));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IOptions<MonitroOptions>>().Value);

        Assert.Contains("Monitro:SinkRetryWindow", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_webhook_with_a_short_secret_fails_on_start_naming_the_sink_and_the_option()
    {
        var configuration = Json("""
            { "Monitro": { "Webhooks": { "chat": { "Endpoint": "https://chat.example.com/hooks", "Secret": "short" } } } }
            """);
        var services = new ServiceCollection();
        services.AddMonitro(configuration.GetSection("Monitro"));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<WebhookAlertSinkOptions>>().Get("chat"));

        Assert.Equal("chat", error.OptionsName);
        Assert.Contains("Property Monitro:Webhooks:chat:Secret: must have at least 32 bytes", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("short", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_alert_rule_out_of_range_fails_on_start_naming_the_rule_by_its_place_in_the_list()
    {
        var configuration = Json("""
            { "Monitro": { "Alerting": { "Rules": [ { "Name": "good" }, { "Name": "wide", "TopCount": 99 } ] } } }
            """);
        var services = new ServiceCollection();
        services.AddMonitro(configuration.GetSection("Monitro"));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AlertingOptions>>().Value);

        Assert.Contains("The field Monitro:Alerting:Rules:1:TopCount must be between 1 and 50.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_relationship_option_out_of_range_fails_on_start_naming_the_option()
    {
        var configuration = Json("""{ "Monitro": { "Relationships": { "StrongBand": 120 } } }""");
        var services = new ServiceCollection();
        services.AddMonitro(configuration.GetSection("Monitro"));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RelationshipOptions>>().Value);

        Assert.Contains("Monitro:Relationships:StrongBand must be between 0 and 100.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_crm_event_sink_and_a_batch_option_out_of_range_fail_with_their_configuration_paths()
    {
        var configuration = Json("""
            { "Monitro": { "BatchQueueCapacity": 0, "CrmEvents": { "crm": { "Endpoint": "ftp://crm.example.com", "Secret": "a-shared-secret-of-at-least-32-bytes!" } } } }
            """);
        var services = new ServiceCollection();
        services.AddMonitro(configuration.GetSection("Monitro"));
        using var provider = services.BuildServiceProvider();

        var options = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<MonitroOptions>>().Value);
        var crm = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<WebhookAlertSinkOptions>>().Get("crm"));

        Assert.Contains("The field Monitro:BatchQueueCapacity must be between", options.Message, StringComparison.Ordinal);
        Assert.Contains("Property Monitro:CrmEvents:crm:Endpoint: must be an absolute http or https address", crm.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_configured_in_code_keep_their_member_paths()
    {
        var services = new ServiceCollection();
        services.AddMonitro(options => options.Watches.Add(new WatchDefinition { Name = "broken", Query = "(acme" }));
        services.AddOptions<AlertingOptions>().Configure(options => options.Rules.Add(new AlertRuleOptions { Name = "wide", TopCount = 99 }));
        using var provider = services.BuildServiceProvider();

        var watches = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<MonitroOptions>>().Value);
        var rules = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AlertingOptions>>().Value);

        Assert.Contains("Property Watches[0]: The query of watch 'broken' is not valid", watches.Message, StringComparison.Ordinal);
        Assert.Contains("The field AlertingOptions.Rules[0].TopCount must be between 1 and 50.", rules.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Builder_methods_add_alert_rules_and_sinks()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMonitro()
            .AddAlertRule("complaints", rule => rule.Intents.Add(IntentLabel.Complaint))
            .AddAlertRule("daily", rule => (rule.Mode, rule.Period) = (AlertMode.Digest, DigestPeriod.Daily))
            .AddWebhookSink("chat", o => (o.Endpoint, o.Secret) = (new Uri("https://chat.example.com/hooks"), Secret))
            .AddCrmEvents("crm", o => (o.Endpoint, o.Secret) = (new Uri("https://crm.example.com/hooks"), Secret), author => "contact-" + author.Handle);
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var rules = provider.GetRequiredService<IOptions<AlertingOptions>>().Value.Rules;
        Assert.Equal(["complaints", "daily"], rules.Select(r => r.Name));
        Assert.Equal([IntentLabel.Complaint], rules[0].Intents);
        Assert.Equal(AlertMode.Digest, rules[1].Mode);
        var sinks = provider.GetServices<IAlertSink>().ToList();
        Assert.IsType<WebhookAlertSink>(sinks[0]);
        Assert.IsType<CrmEventSink>(sinks[1]);
    }

    private static IConfigurationRoot Json(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
}

using Microsoft.Extensions.Options;
using Monitro.Alerting;
using Monitro.Relationships;
using Monitro.Storage.Shared;
using Monitro.Validation.Shared;

namespace Monitro.Orleans;

/// <summary>Checks <see cref="MonitroOrleansOptions"/>; each failure names the option and the reason.</summary>
internal sealed class MonitroOrleansOptionsValidator : IValidateOptions<MonitroOrleansOptions>
{
    public ValidateOptionsResult Validate(string? name, MonitroOrleansOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        if (options.ShardCount is < 1 or > 65_536)
        {
            builder.AddError("must be from 1 to 65536", $"Monitro:Orleans:{nameof(MonitroOrleansOptions.ShardCount)}");
        }

        if (options.LeaseKeepAlivePeriod < TimeSpan.FromMilliseconds(10) || options.LeaseKeepAlivePeriod > TimeSpan.FromMinutes(10))
        {
            builder.AddError("must be from 10 milliseconds to 10 minutes", $"Monitro:Orleans:{nameof(MonitroOrleansOptions.LeaseKeepAlivePeriod)}");
        }

        if (options.ReplicasPerShard is < 1 or > 64)
        {
            builder.AddError("must be from 1 to 64", $"Monitro:Orleans:{nameof(MonitroOrleansOptions.ReplicasPerShard)}");
        }

        if (options.PreSearchPartitions is < 0 or > 65_536)
        {
            builder.AddError("must be from 0 to 65536", $"Monitro:Orleans:{nameof(MonitroOrleansOptions.PreSearchPartitions)}");
        }

        if (options.MaxTextLength is < 280 or > 10_000_000)
        {
            builder.AddError("must be from 280 to 10000000", $"Monitro:Orleans:{nameof(MonitroOrleansOptions.MaxTextLength)}");
        }

        if (options.Relationships is null)
        {
            builder.AddError("must be set", $"Monitro:Orleans:{nameof(MonitroOrleansOptions.Relationships)}");
        }
        else
        {
            // The same checks as in one process; their messages name the relationship option that failed.
            var relationships = OptionsValidation.Validate(options.Relationships, new RelationshipOptionsValidator(), new RelationshipOptionsCustomValidator());
            if (relationships.Failed)
            {
                builder.AddError(relationships.FailureMessage, $"Monitro:Orleans:{nameof(MonitroOrleansOptions.Relationships)}");
            }
        }

        foreach (var (tenantId, tenant) in options.Tenants)
        {
            CheckTenant(builder, tenantId, tenant);
        }

        return builder.Build();
    }

    private static void CheckTenant(ValidateOptionsResultBuilder builder, string tenantId, MonitroTenantOptions? tenant)
    {
        var path = $"Monitro:Orleans:{nameof(MonitroOrleansOptions.Tenants)}:{tenantId}";
        if (tenant is null)
        {
            builder.AddError("must be set", path);
            return;
        }

        var keys = tenant.OwnAccounts.Select((key, i) => (Key: (string?)key, Path: $"{path}:{nameof(MonitroTenantOptions.OwnAccounts)}:{i}"))
            .Concat(tenant.LinkedIdentities.SelectMany((link, i) => new[]
            {
                (Key: link?.First, Path: $"{path}:{nameof(MonitroTenantOptions.LinkedIdentities)}:{i}:{nameof(IdentityLink.First)}"),
                (Key: link?.Second, Path: $"{path}:{nameof(MonitroTenantOptions.LinkedIdentities)}:{i}:{nameof(IdentityLink.Second)}"),
            }));
        foreach (var (key, keyPath) in keys)
        {
            var separator = key?.IndexOf(':', StringComparison.Ordinal) ?? -1;
            if (separator <= 0 || separator == key!.Length - 1)
            {
                builder.AddError($"'{key}' is not an identity key of the form 'platform:handle'", keyPath);
            }
        }

        CheckAlerting(builder, tenant.Alerting, $"{path}:{nameof(MonitroTenantOptions.Alerting)}");
    }

    // The single-process checks of the rules; member paths in their messages become this tenant's configuration paths.
    private static void CheckAlerting(ValidateOptionsResultBuilder builder, AlertingOptions alerting, string path)
    {
        var result = OptionsValidation.Validate(alerting, new AlertingOptionsValidator(), new AlertingOptionsCustomValidator());
        if (!result.Failed)
        {
            return;
        }

        foreach (var failure in result.Failures ?? [])
        {
            var rewritten = ConfigurationPathRewriter.Rewrite(failure, nameof(AlertingOptions), path);
            if (rewritten.Contains(path, StringComparison.Ordinal))
            {
                builder.AddError(rewritten);
            }
            else
            {
                builder.AddError(rewritten, path);
            }
        }
    }
}

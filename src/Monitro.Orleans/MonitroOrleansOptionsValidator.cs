using Microsoft.Extensions.Options;

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

        return builder.Build();
    }
}

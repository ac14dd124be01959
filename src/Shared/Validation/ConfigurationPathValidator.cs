using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;

namespace Monitro.Validation.Shared;

/// <summary>
/// Runs a validator and, when the options were bound from configuration, rewrites the member paths in its failures
/// into configuration paths: <c>AlertingOptions.Rules[1].TopCount</c> becomes <c>Monitro:Alerting:Rules:1:TopCount</c>,
/// and a failure for property <c>Secret</c> of the webhook <c>chat</c> names <c>Monitro:Webhooks:chat:Secret</c>.
/// </summary>
/// <typeparam name="TOptions">The options type.</typeparam>
/// <typeparam name="TValidator">The validator it wraps (the source-generated one or a hand-written one).</typeparam>
/// <param name="paths">Where each options instance was bound from.</param>
internal sealed class ConfigurationPathValidator<TOptions, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TValidator>(OptionsConfigurationPaths paths)
    : IValidateOptions<TOptions>
    where TOptions : class
    where TValidator : IValidateOptions<TOptions>, new()
{
    private readonly TValidator inner = new();

    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var result = inner.Validate(name, options);
        var section = paths.Find(typeof(TOptions), name);
        if (!result.Failed || section is null || result.Failures is null)
        {
            return result;
        }

        // The generated validator names a member as "<type>.<path>" for the default options and "<name>.<path>" for named ones.
        var prefix = string.IsNullOrEmpty(name) ? typeof(TOptions).Name : name;
        return ValidateOptionsResult.Fail(result.Failures.Select(failure => ConfigurationPathRewriter.Rewrite(failure, prefix, section)));
    }
}

using Microsoft.Extensions.Options;

namespace Monitro.Storage.Shared;

/// <summary>
/// Validates options that did not come through the options system (a store, sink, router or scorer built directly)
/// with the same validators the options system runs: the source-generated attribute validator and the cross-field one.
/// </summary>
internal static class OptionsValidation
{
    public static ValidateOptionsResult Validate<TOptions>(TOptions options, params ReadOnlySpan<IValidateOptions<TOptions>> validators)
        where TOptions : class
    {
        var result = new ValidateOptionsResultBuilder();
        foreach (var validator in validators)
        {
            result.AddResult(validator.Validate(Options.DefaultName, options));
        }

        return result.Build();
    }
}

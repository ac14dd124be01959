using System.Text;
using Microsoft.Extensions.Options;

namespace Monitro.Alerting.Delivery;

/// <summary>Checks <see cref="WebhookAlertSinkOptions"/>; a failure names the option and the reason, never the secret.</summary>
/// <remarks>Hand-written: no rule of these options fits an attribute (an http address, a length in UTF-8 bytes, a time range).</remarks>
internal sealed class WebhookAlertSinkOptionsValidator : IValidateOptions<WebhookAlertSinkOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookAlertSinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        if (options.Endpoint is not { IsAbsoluteUri: true } endpoint
            || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
        {
            builder.AddError("must be an absolute http or https address", nameof(WebhookAlertSinkOptions.Endpoint));
        }

        if (options.Secret is null || Encoding.UTF8.GetByteCount(options.Secret) < WebhookAlertSinkOptions.MinSecretBytes)
        {
            builder.AddError($"must have at least {WebhookAlertSinkOptions.MinSecretBytes} bytes", nameof(WebhookAlertSinkOptions.Secret));
        }

        if (options.Timeout < TimeSpan.FromSeconds(1) || options.Timeout > TimeSpan.FromMinutes(5))
        {
            builder.AddError("must be between one second and five minutes", nameof(WebhookAlertSinkOptions.Timeout));
        }

        return builder.Build();
    }
}

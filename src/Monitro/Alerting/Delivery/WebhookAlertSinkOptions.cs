namespace Monitro;

/// <summary>Options of <see cref="WebhookAlertSink"/>.</summary>
public sealed class WebhookAlertSinkOptions
{
    /// <summary>The fewest bytes (UTF-8) a secret may have.</summary>
    public const int MinSecretBytes = 32;

    /// <summary>Gets or sets the address alerts are posted to.</summary>
    /// <value>The default is <see langword="null"/>; it must be set to an absolute <c>http</c> or <c>https</c> address.</value>
    public Uri? Endpoint { get; set; }

    /// <summary>Gets or sets the secret shared with the receiver, which signs every request. It is never logged.</summary>
    /// <value>The default is empty; it must have at least <see cref="MinSecretBytes"/> bytes in UTF-8 (for example 32 random bytes in hex or base64).</value>
    public string Secret { get; set; } = string.Empty;

    /// <summary>Gets or sets how long one delivery may take before it counts as failed.</summary>
    /// <value>The default is ten seconds. Must be between one second and five minutes.</value>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}

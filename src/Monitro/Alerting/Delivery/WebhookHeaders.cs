namespace Monitro;

/// <summary>The HTTP headers of a Monitro webhook request.</summary>
public static class WebhookHeaders
{
    /// <summary>The stable key of the alert; a receiver that ignores keys it has seen handles each alert once. Percent-encoded when the key holds characters outside printable ASCII.</summary>
    public const string IdempotencyKey = "Monitro-Idempotency-Key";

    /// <summary>When the request was signed, in Unix seconds.</summary>
    public const string Timestamp = "Monitro-Timestamp";

    /// <summary>The signature, <c>v1=&lt;hex HMAC-SHA256 of "{timestamp}.{body}"&gt;</c> (see <see cref="WebhookSignature"/>).</summary>
    public const string Signature = "Monitro-Signature";
}

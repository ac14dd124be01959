using System.Text.Json;
using System.Text.Json.Serialization;

namespace Monitro.Alerting.Delivery;

/// <summary>The source-generated JSON metadata of the webhook payload (camelCase, null members omitted).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WebhookPayload))]
internal sealed partial class WebhookJsonContext : JsonSerializerContext;

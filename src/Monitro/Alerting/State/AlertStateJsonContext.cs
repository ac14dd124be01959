using System.Text.Json.Serialization;

namespace Monitro.Alerting.State;

/// <summary>The JSON of the alerting state rows' payloads.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SpikeSeriesState))]
[JsonSerializable(typeof(SpikeRuleState))]
internal sealed partial class AlertStateJsonContext : JsonSerializerContext;

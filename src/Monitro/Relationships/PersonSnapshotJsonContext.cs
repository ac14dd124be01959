using System.Text.Json.Serialization;

namespace Monitro.Relationships;

/// <summary>The JSON of stored person snapshots.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PersonSnapshot))]
internal sealed partial class PersonSnapshotJsonContext : JsonSerializerContext;

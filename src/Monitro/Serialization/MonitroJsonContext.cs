using System.Text.Json;
using System.Text.Json.Serialization;

namespace Monitro;

/// <summary>
/// The System.Text.Json source-generated metadata for Monitro's model (web defaults: camelCase names, enums
/// as strings, null members omitted). Use it to read or write posts, mentions and alerts without reflection,
/// for example <c>JsonSerializer.Serialize(post, MonitroJsonContext.Default.Post)</c>.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowTrailingCommas = false,
    ReadCommentHandling = JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(Post))]
[JsonSerializable(typeof(Author))]
[JsonSerializable(typeof(Watch))]
[JsonSerializable(typeof(Mention))]
[JsonSerializable(typeof(Alert))]
[JsonSerializable(typeof(Interaction))]
[JsonSerializable(typeof(SourceCheckpoint))]
[JsonSerializable(typeof(SkippedItem))]
[JsonSerializable(typeof(RelationshipSnapshot))]
[JsonSerializable(typeof(List<WatchDefinition>))]
public sealed partial class MonitroJsonContext : JsonSerializerContext;

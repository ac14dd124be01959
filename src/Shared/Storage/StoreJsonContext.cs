using System.Text.Json;
using System.Text.Json.Serialization;

namespace Monitro.Storage.Shared;

/// <summary>The source-generated JSON metadata of the model objects the stores keep in payload columns.</summary>
/// <remarks>
/// One context for every store, so a payload is written and read the same way in each. Enums are written as names,
/// so a reordered enum never changes what a stored row means.
/// </remarks>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(Post))]
[JsonSerializable(typeof(StoredMention))]
[JsonSerializable(typeof(Interaction))]
[JsonSerializable(typeof(Alert))]
[JsonSerializable(typeof(InboxItem))]
[JsonSerializable(typeof(Reply))]
[JsonSerializable(typeof(RelationshipSnapshot))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class StoreJsonContext : JsonSerializerContext;

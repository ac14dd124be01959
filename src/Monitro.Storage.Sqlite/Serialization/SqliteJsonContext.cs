using System.Text.Json;
using System.Text.Json.Serialization;

namespace Monitro.Storage.Sqlite.Serialization;

/// <summary>The source-generated JSON metadata of the model objects kept in <c>payload</c> columns.</summary>
/// <remarks>Enums are written as names, so a reordered enum never changes what a stored row means.</remarks>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(Post))]
[JsonSerializable(typeof(StoredMention))]
[JsonSerializable(typeof(Interaction))]
[JsonSerializable(typeof(Alert))]
[JsonSerializable(typeof(RelationshipSnapshot))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class SqliteJsonContext : JsonSerializerContext;

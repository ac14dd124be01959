using System.Text.Json;
using System.Text.Json.Serialization;

namespace Monitro.Storage.PostgreSql.Serialization;

/// <summary>The source-generated JSON metadata of the model objects kept in <c>jsonb</c> payload columns.</summary>
/// <remarks>The same settings as the SQLite store (web defaults, enums as names), so a payload reads the same in both.</remarks>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(Post))]
[JsonSerializable(typeof(StoredMention))]
[JsonSerializable(typeof(Interaction))]
[JsonSerializable(typeof(Alert))]
[JsonSerializable(typeof(RelationshipSnapshot))]
internal sealed partial class PostgreSqlJsonContext : JsonSerializerContext;

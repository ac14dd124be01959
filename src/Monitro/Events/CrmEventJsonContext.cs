using System.Text.Json;
using System.Text.Json.Serialization;

namespace Monitro;

/// <summary>The source-generated JSON metadata of the CRM events (camelCase, null members omitted): use it to read them.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CrmEventHeader))]
[JsonSerializable(typeof(CrmEvent<MentionCreatedData>))]
[JsonSerializable(typeof(CrmEvent<MentionRetractedData>))]
[JsonSerializable(typeof(CrmEvent<PersonUpsertedData>))]
[JsonSerializable(typeof(CrmEvent<RelationshipChangedData>))]
[JsonSerializable(typeof(CrmEvent<AlertRaisedData>))]
[JsonSerializable(typeof(CrmEvent<ItemChangedData>))]
public sealed partial class CrmEventJsonContext : JsonSerializerContext;

using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Monitro.Storage.Shared;

/// <summary>Writes and reads <c>payload</c> columns; a row that does not read back fails with the table and key named.</summary>
internal static class PayloadSerializer
{
    public static string Write<T>(T value, JsonTypeInfo<T> typeInfo) => JsonSerializer.Serialize(value, typeInfo);

    public static T Read<T>(string json, JsonTypeInfo<T> typeInfo, string table, string key)
    {
        try
        {
            return JsonSerializer.Deserialize(json, typeInfo)
                ?? throw new InvalidDataException($"The payload of {table} row '{key}' is JSON null.");
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"The payload of {table} row '{key}' is not a readable {typeof(T).Name}: {exception.Message}", exception);
        }
    }
}

using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Monitro.Alerting.State;

/// <summary>Writes and reads the JSON payloads of alerting state rows; a damaged payload reads as nothing, so the row is dropped rather than stopping the start.</summary>
internal static class AlertStatePayload
{
    public static string Write<T>(T value, JsonTypeInfo<T> typeInfo) => JsonSerializer.Serialize(value, typeInfo);

    public static T? Read<T>(AlertStateRow row, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        if (row.Payload is not { } payload)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(payload, typeInfo);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;

namespace Monitro.Sources.Shared;

/// <summary>Reads JSON payloads defensively: invalid UTF-8 is repaired (and reported), and items are deserialized one by one so a bad item does not cost the others.</summary>
internal static class JsonPayload
{
    /// <summary>Parses a body; returns <see langword="null"/> and the reason when it is not JSON (for example truncated).</summary>
    public static JsonDocument? Parse(byte[] body, out string? error, out bool repaired)
    {
        repaired = !Utf8.IsValid(body);
        var bytes = repaired ? Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body)) : body;
        try
        {
            error = null;
            return JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            error = $"the body is not valid JSON ({ex.Message})";
            return null;
        }
    }

    /// <summary>Deserializes one element; returns <see langword="false"/> and the reason when a field has the wrong type.</summary>
    public static bool TryRead<T>(JsonElement element, JsonTypeInfo<T> typeInfo, out T? value, out string? error)
    {
        try
        {
            value = element.Deserialize(typeInfo);
            error = value is null ? "the item is null" : null;
            return value is not null;
        }
        catch (JsonException ex)
        {
            value = default;
            error = $"a field has an unexpected type or value ({ex.Message})";
            return false;
        }
    }
}

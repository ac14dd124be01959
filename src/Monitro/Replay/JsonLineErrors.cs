using System.Globalization;
using System.Text.Json;

namespace Monitro.Replay;

/// <summary>
/// Says in plain words why a JSON line is not a post. The serializer's messages name .NET types and count lines
/// inside the one-line document ("LineNumber: 0"), which misleads next to the file's own line number.
/// </summary>
internal static class JsonLineErrors
{
    private const string MissingMarker = "missing required properties including: ";

    public static string Describe(JsonException exception)
    {
        var message = exception.Message;
        var missing = message.IndexOf(MissingMarker, StringComparison.Ordinal);
        if (missing >= 0)
        {
            return "malformed post: required field missing: " + message[(missing + MissingMarker.Length)..].TrimEnd('.');
        }

        if (exception.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) && IsConversionError(exception))
        {
            return $"malformed post: field '{path[2..]}' has the wrong type";
        }

        return exception.BytePositionInLine is { } position
            ? string.Create(CultureInfo.InvariantCulture, $"malformed post: not valid JSON (at byte {position + 1} of the line)")
            : "malformed post: not valid JSON";
    }

    // A value of the wrong type reads as valid JSON: the serializer reports it as a conversion, not a syntax error.
    private static bool IsConversionError(JsonException exception) =>
        exception.InnerException is InvalidOperationException or FormatException
        || exception.Message.Contains("could not be converted", StringComparison.Ordinal);
}

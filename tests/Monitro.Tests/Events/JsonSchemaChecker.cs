using System.Globalization;
using System.Text.Json;

namespace Monitro.Tests.Events;

/// <summary>
/// Checks a JSON document against the subset of JSON Schema (2020-12) the checked-in schemas use: type, required,
/// properties, items, enum, const, local $ref, oneOf, minLength, minimum, maximum, and the formats date-time and uri.
/// A keyword it does not know fails the check, so the schema cannot quietly say more than is checked.
/// </summary>
internal sealed class JsonSchemaChecker
{
    private static readonly HashSet<string> Known =
    [
        "$schema", "$id", "title", "description", "$defs", "type", "required", "properties", "items", "enum", "const", "$ref",
        "oneOf", "minLength", "minimum", "maximum", "format",
    ];

    private readonly JsonElement _root;

    public JsonSchemaChecker(JsonElement root) => _root = root;

    public static JsonSchemaChecker Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return new JsonSchemaChecker(document.RootElement.Clone());
    }

    /// <summary>Returns the errors, each with the JSON path of the value; empty when the document is valid.</summary>
    public List<string> Check(JsonElement value)
    {
        var errors = new List<string>();
        Check(_root, value, "$", errors);
        return errors;
    }

    private void Check(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        foreach (var keyword in schema.EnumerateObject())
        {
            if (!Known.Contains(keyword.Name))
            {
                errors.Add($"{path}: the checker does not know the keyword '{keyword.Name}'");
            }
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            Check(Resolve(reference.GetString()!), value, path, errors);
        }

        if (schema.TryGetProperty("type", out var type) && !HasType(value, type.GetString()!))
        {
            errors.Add($"{path}: expected {type.GetString()}, found {value.ValueKind}");
            return;
        }

        if (schema.TryGetProperty("const", out var constant) && !JsonElement.DeepEquals(constant, value))
        {
            errors.Add($"{path}: expected {constant.GetRawText()}, found {value.GetRawText()}");
        }

        if (schema.TryGetProperty("enum", out var allowed) && !allowed.EnumerateArray().Any(item => JsonElement.DeepEquals(item, value)))
        {
            errors.Add($"{path}: {value.GetRawText()} is not one of {allowed.GetRawText()}");
        }

        CheckString(schema, value, path, errors);
        CheckNumber(schema, value, path, errors);
        CheckObject(schema, value, path, errors);
        if (schema.TryGetProperty("items", out var items) && value.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                Check(items, item, $"{path}[{index++}]", errors);
            }
        }

        if (schema.TryGetProperty("oneOf", out var oneOf))
        {
            var branchErrors = oneOf.EnumerateArray().Select(branch =>
            {
                var found = new List<string>();
                Check(branch, value, path, found);
                return found;
            }).ToList();
            var passed = branchErrors.Count(found => found.Count == 0);
            if (passed != 1)
            {
                errors.Add($"{path}: matches {passed} of the oneOf branches, not exactly one");
                if (passed == 0)
                {
                    // Which branch was meant is not known here, so every branch's reasons are reported.
                    errors.AddRange(branchErrors.SelectMany(found => found));
                }
            }
        }
    }

    private void CheckObject(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(item => item.GetString()!))
            {
                if (!value.TryGetProperty(name, out _))
                {
                    errors.Add($"{path}: the required member '{name}' is missing");
                }
            }
        }

        if (schema.TryGetProperty("properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                if (value.TryGetProperty(property.Name, out var member))
                {
                    Check(property.Value, member, path + "." + property.Name, errors);
                }
            }
        }
    }

    private static void CheckString(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return;
        }

        var text = value.GetString()!;
        if (schema.TryGetProperty("minLength", out var minLength) && text.Length < minLength.GetInt32())
        {
            errors.Add($"{path}: shorter than {minLength.GetInt32()}");
        }

        if (schema.TryGetProperty("format", out var format))
        {
            var ok = format.GetString() switch
            {
                "date-time" => DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
                "uri" => Uri.TryCreate(text, UriKind.Absolute, out _),
                _ => false,
            };
            if (!ok)
            {
                errors.Add($"{path}: '{text}' is not a {format.GetString()}");
            }
        }
    }

    private static void CheckNumber(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            return;
        }

        var number = value.GetDouble();
        if (schema.TryGetProperty("minimum", out var minimum) && number < minimum.GetDouble())
        {
            errors.Add($"{path}: {number} is below {minimum.GetDouble()}");
        }

        if (schema.TryGetProperty("maximum", out var maximum) && number > maximum.GetDouble())
        {
            errors.Add($"{path}: {number} is above {maximum.GetDouble()}");
        }
    }

    private static bool HasType(JsonElement value, string type) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => throw new InvalidOperationException("Unknown schema type " + type),
    };

    private JsonElement Resolve(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Only local references are supported: " + reference);
        }

        var node = _root;
        foreach (var part in reference[2..].Split('/'))
        {
            node = node.GetProperty(part);
        }

        return node;
    }
}

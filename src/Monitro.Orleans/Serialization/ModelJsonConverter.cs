using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Monitro.Orleans.Serialization;

/// <summary>Converts a model object to and from <see cref="ModelJson"/> with Monitro's source-generated JSON metadata.</summary>
/// <typeparam name="T">The model type.</typeparam>
internal abstract class ModelJsonConverter<T>(JsonTypeInfo<T> typeInfo) : IConverter<T, ModelJson>
    where T : class
{
    public T ConvertFromSurrogate(in ModelJson surrogate) =>
        JsonSerializer.Deserialize(surrogate.Json, typeInfo)
        ?? throw new InvalidOperationException($"A {typeof(T).Name} arrived from another silo as JSON null.");

    public ModelJson ConvertToSurrogate(in T value) => new(JsonSerializer.Serialize(value, typeInfo));
}

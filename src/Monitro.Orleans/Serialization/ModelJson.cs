namespace Monitro.Orleans.Serialization;

/// <summary>
/// A model object (post, mention, watch) on the wire between silos: its JSON as Monitro writes it, so the model in
/// Monitro.Abstractions needs no Orleans attributes.
/// </summary>
[GenerateSerializer]
[Immutable]
internal readonly struct ModelJson
{
    /// <summary>Initializes a new instance of the <see cref="ModelJson"/> struct.</summary>
    public ModelJson(string json) => Json = json;

    /// <summary>Gets the JSON of the object.</summary>
    [Id(0)]
    public string Json { get; }
}

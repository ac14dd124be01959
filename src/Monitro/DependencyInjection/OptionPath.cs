using System.Globalization;

namespace Monitro.DependencyInjection;

/// <summary>
/// Names an option in a validation error: as a configuration path (<c>Monitro:Watches:1</c>) when the options were
/// bound from a section, so the reader finds the bad value in the file, else as a member path (<c>Watches[1]</c>).
/// </summary>
/// <param name="Section">The section the options were bound from, or <see langword="null"/>.</param>
internal readonly record struct OptionPath(string? Section)
{
    /// <summary>Gets the path of an option.</summary>
    public string Of(string option) => Section is null ? option : $"{Section}:{option}";

    /// <summary>Gets the path of an item of a list option.</summary>
    public string Of(string option, int index) => Section is null
        ? string.Create(CultureInfo.InvariantCulture, $"{option}[{index}]")
        : string.Create(CultureInfo.InvariantCulture, $"{Section}:{option}:{index}");
}

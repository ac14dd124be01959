namespace Monitro.Docs.Tests;

/// <summary>A C# code block of a document, with what its marker says to do with it.</summary>
/// <param name="Document">The document's path relative to the repository root.</param>
/// <param name="Line">The line of the opening fence (1-based).</param>
/// <param name="Kind">What the test does with it.</param>
/// <param name="Packages">The packages a consumer project references to compile it.</param>
/// <param name="Code">The code as written.</param>
internal sealed record DocSnippet(string Document, int Line, SnippetKind Kind, IReadOnlyList<string> Packages, string Code)
{
    /// <summary>Gets a name usable as a project and folder name, unique per snippet.</summary>
    public string ProjectName =>
        "Snippet_" + string.Concat(Document.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')) + "_L" + Line.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override string ToString() => $"{Document}:{Line}";
}

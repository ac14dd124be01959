namespace Monitro.Dashboard.Endpoints;

/// <summary>The dashboard's stylesheet, embedded in the package and served from its own address (the policy allows styles only from there).</summary>
internal static class Stylesheet
{
    /// <summary>Gets the stylesheet.</summary>
    public static string Content { get; } = Load();

    private static string Load()
    {
        using var stream = typeof(Stylesheet).Assembly.GetManifestResourceStream("Monitro.Dashboard.dashboard.css")
            ?? throw new InvalidOperationException("The dashboard's stylesheet is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

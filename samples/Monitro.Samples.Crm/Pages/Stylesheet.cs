namespace Monitro.Samples.Crm.Pages;

/// <summary>The stylesheet, <c>crm.css</c>, embedded in the assembly and read once.</summary>
public static class Stylesheet
{
    private static readonly Lazy<string> Text = new(() =>
    {
        using var stream = typeof(Stylesheet).Assembly.GetManifestResourceStream("Monitro.Samples.Crm.Pages.crm.css")
            ?? throw new InvalidOperationException("The stylesheet crm.css is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>Gets the stylesheet's text.</summary>
    public static string Value => Text.Value;
}

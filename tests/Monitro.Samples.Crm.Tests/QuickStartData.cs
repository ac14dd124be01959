namespace Monitro.Samples.Crm.Tests;

/// <summary>The quick start's bundled posts and watches, which the sample replays.</summary>
internal static class QuickStartData
{
    public static string File(string name)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "samples", "Monitro.Samples.QuickStart", "Data", name);
            if (System.IO.File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(name);
    }
}

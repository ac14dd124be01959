using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.Loader;

namespace Monitro.Benchmarks.Analysis;

/// <summary>
/// The sentiment analyzer and intent detector of an earlier Monitro, loaded in an assembly load context of their own
/// beside today's (same type names, other assemblies), and called through compiled delegates so the call costs what a
/// direct call does.
/// </summary>
internal sealed class BaselineAnalyzers
{
    private const string FolderVariable = "MONITRO_ANALYSIS_BASELINE";

    private static readonly Lazy<string?> Folder = new(FindFolder);

    private readonly Func<string, double> _compound;
    private readonly Func<string, int> _intentCount;

    private BaselineAnalyzers(Func<string, double> compound, Func<string, int> intentCount)
    {
        _compound = compound;
        _intentCount = intentCount;
    }

    /// <summary>Gets whether the baseline was built (<c>benchmarks/analysis-baseline.sh</c>).</summary>
    public static bool IsAvailable => Folder.Value is not null;

    /// <summary>Gets why the baseline benchmarks do not run when the baseline was not built.</summary>
    public static string SkipReason =>
        $"Analyzer baseline skipped: no Monitro.dll in artifacts/analysis-baseline or in ${FolderVariable} (build it with `benchmarks/analysis-baseline.sh`).";

    /// <summary>Loads the baseline's analyzers with their built-in lexicon and phrases.</summary>
    /// <returns>The analyzers.</returns>
    public static BaselineAnalyzers Load()
    {
        var folder = Folder.Value ?? throw new InvalidOperationException(SkipReason);
        var context = new BaselineContext(folder);
        var monitro = context.LoadFromAssemblyPath(Path.Combine(folder, "Monitro.dll"));
        var analyzerType = monitro.GetType("Monitro.Analysis.LexiconSentimentAnalyzer", throwOnError: true)!;
        var detectorType = monitro.GetType("Monitro.Analysis.RuleIntentDetector", throwOnError: true)!;

        var text = Expression.Parameter(typeof(string), "text");
        var noLanguage = Expression.Constant(null, typeof(string));

        var analyze = analyzerType.GetMethod("Analyze", [typeof(string), typeof(string)])!;
        var score = Expression.Call(Expression.Constant(Activator.CreateInstance(analyzerType)), analyze, text, noLanguage);
        var compound = Expression.Lambda<Func<string, double>>(Expression.Property(score, "Compound"), text).Compile();

        var detect = detectorType.GetMethod("Detect", [typeof(string), typeof(string)])!;
        var hits = Expression.Call(Expression.Constant(Activator.CreateInstance(detectorType)), detect, text, noLanguage);
        var counted = typeof(IReadOnlyCollection<>).MakeGenericType(detect.ReturnType.GetGenericArguments()[0]);
        var count = Expression.Property(Expression.Convert(hits, counted), "Count");
        var intentCount = Expression.Lambda<Func<string, int>>(count, text).Compile();

        return new BaselineAnalyzers(compound, intentCount);
    }

    /// <summary>The baseline's compound sentiment of a post, read with its English rules.</summary>
    /// <param name="text">The post.</param>
    /// <returns>The compound score.</returns>
    public double Compound(string text) => _compound(text);

    /// <summary>The number of intents the baseline finds in a post.</summary>
    /// <param name="text">The post.</param>
    /// <returns>The number of intents.</returns>
    public int IntentCount(string text) => _intentCount(text);

    private static string? FindFolder()
    {
        if (Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } configured)
        {
            return File.Exists(Path.Combine(configured, "Monitro.dll")) ? configured : null;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "artifacts", "analysis-baseline");
            if (File.Exists(Path.Combine(candidate, "Monitro.dll")))
            {
                return candidate;
            }
        }

        return null;
    }

    // Monitro and Monitro.Abstractions from the baseline's folder; everything else (the framework, Microsoft.Extensions)
    // shared with the default context.
    private sealed class BaselineContext(string folder) : AssemblyLoadContext("monitro-analysis-baseline")
    {
        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var path = Path.Combine(folder, assemblyName.Name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}

using System.Diagnostics;

namespace Monitro.Diagnostics;

/// <summary>The activity source of the pipeline.</summary>
internal static class MonitroActivities
{
    public static readonly ActivitySource Source = new(MonitroDiagnostics.ActivitySourceName);
}

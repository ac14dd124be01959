using OxyPlot;

namespace Monitro.Dashboard.Charts;

/// <summary>The series colours, shared by the charts and their HTML legends.</summary>
internal static class ChartPalette
{
    private static readonly OxyColor[] Colors =
    [
        OxyColor.FromRgb(0x1f, 0x6f, 0xb2), OxyColor.FromRgb(0xd9, 0x5f, 0x02), OxyColor.FromRgb(0x1b, 0x9e, 0x77),
        OxyColor.FromRgb(0x75, 0x70, 0xb3), OxyColor.FromRgb(0xe7, 0x29, 0x8a), OxyColor.FromRgb(0x66, 0xa6, 0x1e),
        OxyColor.FromRgb(0xa6, 0x76, 0x1d), OxyColor.FromRgb(0x66, 0x66, 0x66),
    ];

    /// <summary>The colour that marks spikes.</summary>
    public static OxyColor Spike { get; } = OxyColor.FromRgb(0xc0, 0x1c, 0x28);

    /// <summary>Gets the colour of the series at an index.</summary>
    public static OxyColor Of(int index) => Colors[index % Colors.Length];

    /// <summary>Gets the colour of the series at an index as <c>#rrggbb</c>.</summary>
    public static string HexOf(int index)
    {
        var color = Of(index);
        return FormattableString.Invariant($"#{color.R:x2}{color.G:x2}{color.B:x2}");
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Monitro.Backfill;

/// <summary>
/// The stored position of a backfill: a fingerprint of the watch and range, the counts so far and the cursor,
/// kept as the checkpoint of the source <c>backfill:watch-name</c> so it commits with each batch's mentions.
/// </summary>
internal static class BackfillCheckpoint
{
    private const string Version = "v1";

    public static string SourceName(Watch watch) => "backfill:" + watch.Name;

    // A changed query, category or range starts over: the old position means nothing for it.
    public static string Fingerprint(Watch watch, BackfillOptions options)
    {
        var text = string.Join('\n', watch.Category.ToString(), watch.Query, options.From?.ToUnixTimeMilliseconds(), options.Until?.ToUnixTimeMilliseconds());
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 8);
    }

    public static string Write(string fingerprint, BackfillProgress progress) =>
        string.Join(' ', Version, fingerprint, progress.Scanned.ToString(CultureInfo.InvariantCulture), progress.Matched.ToString(CultureInfo.InvariantCulture), progress.Cursor?.ToString() ?? "-");

    // The progress a checkpoint holds for this fingerprint, or a fresh start when it holds another (or is unreadable).
    public static BackfillProgress Read(SourceCheckpoint? checkpoint, string fingerprint, string watchName)
    {
        var fresh = new BackfillProgress(watchName, 0, 0, null, Completed: false);
        var parts = checkpoint?.Value.Split(' ', 5);
        if (parts is not [Version, var stored, var scanned, var matched, var cursor] || stored != fingerprint
            || !long.TryParse(scanned, NumberStyles.None, CultureInfo.InvariantCulture, out var scannedCount)
            || !long.TryParse(matched, NumberStyles.None, CultureInfo.InvariantCulture, out var matchedCount))
        {
            return fresh;
        }

        try
        {
            return new BackfillProgress(watchName, scannedCount, matchedCount, cursor == "-" ? null : PostCursor.Parse(cursor), Completed: false);
        }
        catch (FormatException)
        {
            return fresh;
        }
    }
}

using System.Buffers.Binary;

namespace Monitro.Storage.Sqlite.Tests.Crash;

/// <summary>
/// Reads a SQLite write-ahead log as the file format describes it (sqlite.org/fileformat2.html#walformat), to tell
/// whether a process was killed while it was writing a transaction: frames of the log's current generation after its
/// last commit frame belong to a transaction that never committed.
/// </summary>
internal static class WriteAheadLog
{
    private const int HeaderLength = 32;
    private const int FrameHeaderLength = 24;

    /// <summary>Returns the number of frames of the current generation written after its last commit frame; 0 without a log.</summary>
    public static int UncommittedFrames(string databasePath)
    {
        var path = databasePath + "-wal";
        if (!File.Exists(path))
        {
            return 0;
        }

        var log = File.ReadAllBytes(path);
        if (log.Length < HeaderLength)
        {
            return 0;
        }

        var pageSize = (int)BinaryPrimitives.ReadUInt32BigEndian(log.AsSpan(8));
        var salt1 = BinaryPrimitives.ReadUInt32BigEndian(log.AsSpan(16));
        var salt2 = BinaryPrimitives.ReadUInt32BigEndian(log.AsSpan(20));
        var sinceCommit = 0;
        for (var at = HeaderLength; at + FrameHeaderLength + pageSize <= log.Length; at += FrameHeaderLength + pageSize)
        {
            // A frame of an earlier generation (left from before the log was restarted) ends the current one.
            if (BinaryPrimitives.ReadUInt32BigEndian(log.AsSpan(at + 8)) != salt1 || BinaryPrimitives.ReadUInt32BigEndian(log.AsSpan(at + 12)) != salt2)
            {
                break;
            }

            // The database size after the commit: set only on a transaction's last frame.
            sinceCommit = BinaryPrimitives.ReadUInt32BigEndian(log.AsSpan(at + 4)) != 0 ? 0 : sinceCommit + 1;
        }

        return sinceCommit;
    }
}

using System.Runtime.CompilerServices;
using System.Text;

namespace Monitro.Replay;

/// <summary>
/// Splits a UTF-8 stream into lines handed out as byte spans, so a JSON parser reads them without decoding them
/// into strings first, and never holds more of one line than its limit allows.
/// </summary>
/// <remarks>
/// <para>Used as a loop of <see cref="TryReadLine"/> until it returns <see langword="false"/>, then
/// <see cref="FillAsync"/> until that returns <see langword="false"/> at the end of the stream. A span is valid
/// until the next call to <see cref="FillAsync"/>.</para>
/// <para>The limit counts characters (UTF-16 code units, as the decoded line would have): a line of more than
/// three bytes per character allowed is too long without counting, one between the limit and that is counted.
/// A UTF-8 byte order mark at the start is skipped; a UTF-16 or UTF-32 one makes the stream be transcoded.</para>
/// </remarks>
internal sealed class Utf8LineReader
{
    private const int InitialBufferSize = 64 * 1024;
    private const int MaxBytesPerChar = 3;

    private readonly Stream _stream;
    private readonly int _maxLineLength;
    private readonly int _maxLineBytes;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _endOfStream;
    private bool _discarding;
    private bool _atStart = true;

    private Utf8LineReader(Stream stream, int maxLineLength)
    {
        _stream = stream;
        _maxLineLength = maxLineLength;
        _maxLineBytes = checked(maxLineLength * MaxBytesPerChar);
        _buffer = new byte[Math.Min(InitialBufferSize, _maxLineBytes + 1)];
    }

    /// <summary>Creates a reader over a seekable stream, transcoding it to UTF-8 when it starts with a UTF-16 or UTF-32 byte order mark.</summary>
    /// <param name="stream">The stream, positioned at its start.</param>
    /// <param name="maxLineLength">The longest line, in characters.</param>
    /// <param name="readable">The stream to dispose with the reader: <paramref name="stream"/> or the transcoding stream over it.</param>
    public static Utf8LineReader Open(Stream stream, int maxLineLength, out Stream readable)
    {
        readable = stream;
        Span<byte> start = stackalloc byte[4];
        var read = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        var encoding = WideEncoding(start[..read]);
        if (encoding is not null)
        {
            readable = Encoding.CreateTranscodingStream(stream, encoding, Encoding.UTF8, leaveOpen: false);
        }

        return new Utf8LineReader(readable, maxLineLength);
    }

    /// <summary>Takes the next whole line from what has been read.</summary>
    /// <param name="line">The line without its terminator (<c>\n</c> or <c>\r\n</c>); empty when <paramref name="tooLong"/>.</param>
    /// <param name="tooLong">Whether the line exceeded the limit and was dropped.</param>
    /// <returns><see langword="false"/> when no whole line is left: call <see cref="FillAsync"/>.</returns>
    // Once per line: compiled optimized at once, since on a one-core host the runtime leaves such code unoptimized for most of a stream.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryReadLine(out ReadOnlySpan<byte> line, out bool tooLong)
    {
        var pending = _buffer.AsSpan(_start, _end - _start);
        var newline = pending.IndexOf((byte)'\n');
        if (newline < 0 && !(_endOfStream && (pending.Length > 0 || _discarding)))
        {
            line = default;
            tooLong = false;
            return false;
        }

        var length = newline < 0 ? pending.Length : newline;
        line = pending[..length];
        _start += newline < 0 ? length : length + 1;
        if (line.EndsWith((byte)'\r'))
        {
            line = line[..^1];
        }

        tooLong = _discarding || IsTooLong(line);
        _discarding = false;
        if (tooLong)
        {
            line = default;
        }

        return true;
    }

    /// <summary>Reads more of the stream.</summary>
    /// <returns><see langword="false"/> at the end of the stream, once every line has been taken.</returns>
    public async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_endOfStream)
        {
            return false;
        }

        MakeRoom();
        var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            _endOfStream = true;
        }

        _end += read;
        if (_atStart && (_end >= 3 || _endOfStream))
        {
            _atStart = false;
            if (_buffer.AsSpan(0, _end).StartsWith("\uFEFF"u8))
            {
                _start = 3;
            }
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsTooLong(ReadOnlySpan<byte> line) =>
        line.Length > _maxLineLength && (line.Length > _maxLineBytes || Encoding.UTF8.GetCharCount(line) > _maxLineLength);

    /// <summary>Moves the unfinished line to the front; grows the buffer up to the limit, and past it drops the line.</summary>
    private void MakeRoom()
    {
        var pending = _end - _start;
        if (_atStart)
        {
            return;
        }

        if (pending > _maxLineBytes)
        {
            // Too long whatever its characters: forget it and skip to its end.
            _discarding = true;
            pending = 0;
        }
        else if (pending == _buffer.Length)
        {
            Array.Resize(ref _buffer, (int)Math.Min((long)_buffer.Length * 2, _maxLineBytes + 1L));
        }

        if (_start > 0 || pending == 0)
        {
            _buffer.AsSpan(_start, pending).CopyTo(_buffer);
            _start = 0;
            _end = pending;
        }
    }

    private static Encoding? WideEncoding(ReadOnlySpan<byte> start) => start switch
    {
        [0xFF, 0xFE, 0x00, 0x00, ..] => Encoding.UTF32,
        [0x00, 0x00, 0xFE, 0xFF, ..] => new UTF32Encoding(bigEndian: true, byteOrderMark: true),
        [0xFF, 0xFE, ..] => Encoding.Unicode,
        [0xFE, 0xFF, ..] => Encoding.BigEndianUnicode,
        _ => null,
    };
}

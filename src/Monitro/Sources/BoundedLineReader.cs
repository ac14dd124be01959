using System.Text;

namespace Monitro.Sources;

/// <summary>Reads text lines without ever holding more than a set number of characters of one line.</summary>
/// <remarks><see cref="StreamReader.ReadLineAsync()"/> would buffer a hostile multi-gigabyte line whole.</remarks>
internal sealed class BoundedLineReader
{
    private readonly TextReader _reader;
    private readonly int _maxLineLength;
    private readonly char[] _buffer = new char[16 * 1024];
    private readonly StringBuilder _line = new();
    private int _position;
    private int _length;

    public BoundedLineReader(TextReader reader, int maxLineLength)
    {
        _reader = reader;
        _maxLineLength = maxLineLength;
    }

    /// <summary>Reads the next line.</summary>
    /// <returns>The line (without its terminator) or <see langword="null"/> at the end; <c>TooLong</c> when the line exceeded the limit and was discarded.</returns>
    public async ValueTask<(string? Line, bool TooLong)> ReadLineAsync(CancellationToken cancellationToken)
    {
        _line.Clear();
        var tooLong = false;
        var sawAny = false;
        while (true)
        {
            if (_position == _length)
            {
                _length = await _reader.ReadAsync(_buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
                _position = 0;
                if (_length == 0)
                {
                    return sawAny ? (tooLong ? null : _line.ToString(), tooLong) : (null, false);
                }
            }

            sawAny = true;
            var span = _buffer.AsSpan(_position, _length - _position);
            var newline = span.IndexOf('\n');
            var chunk = newline >= 0 ? span[..newline] : span;
            if (newline >= 0 && _line.Length == 0 && !tooLong && chunk.Length <= _maxLineLength)
            {
                // The whole line is in the buffer: copy it once into its string, not through the builder.
                _position += newline + 1;
                return (new string(chunk.EndsWith('\r') ? chunk[..^1] : chunk), false);
            }

            if (!tooLong)
            {
                if (_line.Length + chunk.Length > _maxLineLength)
                {
                    tooLong = true;
                    _line.Clear();
                }
                else
                {
                    _line.Append(chunk);
                }
            }

            _position += newline >= 0 ? newline + 1 : chunk.Length;
            if (newline >= 0)
            {
                if (tooLong)
                {
                    return (null, true);
                }

                if (_line.Length > 0 && _line[^1] == '\r')
                {
                    _line.Length--;
                }

                return (_line.ToString(), false);
            }
        }
    }
}

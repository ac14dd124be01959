#:package System.IO.Hashing
// Draws the package icon (src/icon.png): a teal disc with a white dot and two arcs, someone being heard.
// Run from the repository root: dotnet run tools/icon/DrawIcon.cs
// The PNG is written by hand (one IDAT chunk, no filters) so that drawing the icon needs no imaging library.
using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

const int Size = 128;
const int Samples = 4; // per axis, for smooth edges
var teal = (R: 0x0E, G: 0x7C, B: 0x86);
var rows = new byte[Size * (1 + (Size * 4))];
for (var y = 0; y < Size; y++)
{
    var row = y * (1 + (Size * 4));
    rows[row] = 0; // filter: none
    for (var x = 0; x < Size; x++)
    {
        int disc = 0, mark = 0;
        for (var sy = 0; sy < Samples; sy++)
        {
            for (var sx = 0; sx < Samples; sx++)
            {
                var px = x + ((sx + 0.5) / Samples);
                var py = y + ((sy + 0.5) / Samples);
                if (Distance(px, py, 64, 64) <= 62)
                {
                    disc++;
                    if (IsMark(px, py))
                    {
                        mark++;
                    }
                }
            }
        }

        var total = Samples * Samples;
        var white = mark / (double)Math.Max(disc, 1);
        var offset = row + 1 + (x * 4);
        rows[offset] = Blend(teal.R, 255, white);
        rows[offset + 1] = Blend(teal.G, 255, white);
        rows[offset + 2] = Blend(teal.B, 255, white);
        rows[offset + 3] = (byte)Math.Round(255.0 * disc / total);
    }
}

var path = Path.Combine("src", "icon.png");
using (var file = File.Create(path))
{
    file.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
    var header = new byte[13];
    BinaryPrimitives.WriteInt32BigEndian(header, Size);
    BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), Size);
    header[8] = 8; // bits per channel
    header[9] = 6; // RGBA
    WriteChunk(file, "IHDR", header);
    using var compressed = new MemoryStream();
    using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
    {
        zlib.Write(rows);
    }

    WriteChunk(file, "IDAT", compressed.ToArray());
    WriteChunk(file, "IEND", []);
}

Console.WriteLine($"Wrote {path}");

static double Distance(double x, double y, double cx, double cy) => Math.Sqrt(((x - cx) * (x - cx)) + ((y - cy) * (y - cy)));

// A dot at the lower left and two arcs opening towards the upper right.
static bool IsMark(double x, double y)
{
    const double cx = 42, cy = 86;
    var r = Distance(x, y, cx, cy);
    if (r <= 11)
    {
        return true;
    }

    var towardsUpperRight = x >= cx - 2 && y <= cy + 2;
    return towardsUpperRight && (Math.Abs(r - 32) <= 6 || Math.Abs(r - 54) <= 6);
}

static byte Blend(int from, int to, double amount) => (byte)Math.Round(from + ((to - from) * amount));

static void WriteChunk(Stream file, string type, byte[] data)
{
    Span<byte> length = stackalloc byte[4];
    BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
    file.Write(length);
    var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
    file.Write(typeBytes);
    file.Write(data);
    var crc = new Crc32();
    crc.Append(typeBytes);
    crc.Append(data);
    Span<byte> checksum = stackalloc byte[4];
    BinaryPrimitives.WriteUInt32BigEndian(checksum, crc.GetCurrentHashAsUInt32());
    file.Write(checksum);
}

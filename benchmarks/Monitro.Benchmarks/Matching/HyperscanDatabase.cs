using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Monitro.Benchmarks.Matching;

/// <summary>
/// A Hyperscan block-mode database of literal patterns, matched case-insensitively and reported once per pattern id
/// per scan (<c>HS_FLAG_CASELESS | HS_FLAG_SINGLEMATCH</c>), with one scratch space reused by every scan.
/// </summary>
internal sealed unsafe class HyperscanDatabase : IDisposable
{
    private const uint ModeBlock = 1;
    private const uint FlagCaseless = 1;
    private const uint FlagSingleMatch = 8;

    private nint _database;
    private nint _scratch;

    /// <summary>Compiles literal patterns; several patterns may share an id (the alternatives of one watch).</summary>
    public HyperscanDatabase(IReadOnlyList<(string Literal, uint Id)> patterns)
    {
        var api = HyperscanLibrary.Api;
        var expressions = new nint[patterns.Count];
        var flags = new uint[patterns.Count];
        var ids = new uint[patterns.Count];
        try
        {
            for (var i = 0; i < patterns.Count; i++)
            {
                expressions[i] = Marshal.StringToCoTaskMemUTF8(Escape(patterns[i].Literal));
                flags[i] = FlagCaseless | FlagSingleMatch;
                ids[i] = patterns[i].Id;
            }

            nint database;
            nint error;
            fixed (nint* e = expressions)
            fixed (uint* f = flags)
            fixed (uint* id = ids)
            {
                if (api.CompileMulti(e, f, id, (uint)patterns.Count, ModeBlock, 0, &database, &error) != 0)
                {
                    // hs_compile_error_t: { char *message; int expression; }
                    var message = Marshal.PtrToStringUTF8(*(nint*)error);
                    var expression = *(int*)(error + sizeof(nint));
                    _ = api.FreeCompileError(error);
                    throw new InvalidOperationException($"hs_compile_multi refused pattern {expression}: {message}");
                }
            }

            _database = database;
            nint scratch = 0;
            if (api.AllocScratch(database, &scratch) != 0)
            {
                throw new InvalidOperationException("hs_alloc_scratch failed.");
            }

            _scratch = scratch;
        }
        finally
        {
            foreach (var expression in expressions)
            {
                Marshal.FreeCoTaskMem(expression);
            }
        }
    }

    /// <summary>Returns the number of distinct pattern ids that occur in a UTF-8 text.</summary>
    public int CountMatches(ReadOnlySpan<byte> utf8)
    {
        var matches = 0;
        fixed (byte* data = utf8)
        {
            if (HyperscanLibrary.Api.Scan(_database, data, (uint)utf8.Length, 0, _scratch, &OnMatch, (nint)(&matches)) != 0)
            {
                throw new InvalidOperationException("hs_scan failed.");
            }
        }

        return matches;
    }

    public void Dispose()
    {
        if (_scratch != 0)
        {
            _ = HyperscanLibrary.Api.FreeScratch(_scratch);
            _scratch = 0;
        }

        if (_database != 0)
        {
            _ = HyperscanLibrary.Api.FreeDatabase(_database);
            _database = 0;
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int OnMatch(uint id, ulong from, ulong to, uint flags, nint context)
    {
        (*(int*)context)++;
        return 0;
    }

    // A literal as a Hyperscan expression: letters and digits as they are, anything else as a \xHH escape (the
    // watch words are ASCII; a phrase's space is escaped too).
    private static string Escape(string literal)
    {
        var builder = new StringBuilder(literal.Length * 2);
        foreach (var b in Encoding.UTF8.GetBytes(literal))
        {
            if (char.IsAsciiLetterOrDigit((char)b))
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append(@"\x").Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}

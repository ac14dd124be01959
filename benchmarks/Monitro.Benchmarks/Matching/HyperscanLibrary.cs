using System.Runtime.InteropServices;

namespace Monitro.Benchmarks.Matching;

/// <summary>
/// The few calls of Hyperscan (Debian's <c>libhyperscan-dev</c>) a literal scan needs, loaded when first asked for.
/// </summary>
/// <remarks>
/// Written by hand: no maintained .NET binding of Hyperscan restores from the package feed, and a baseline needs only
/// compile, scratch, scan and free. The library is optional: without it the Hyperscan benchmarks are skipped.
/// </remarks>
internal static unsafe class HyperscanLibrary
{
    private const string LibraryName = "libhs.so.5";

    private static readonly Lazy<Exports?> Loaded = new(Load);

    /// <summary>Gets whether the library was found.</summary>
    public static bool IsAvailable => Loaded.Value is not null;

    /// <summary>Gets why the Hyperscan benchmarks do not run when the library is missing.</summary>
    public static string SkipReason =>
        $"Hyperscan baseline skipped: {LibraryName} was not found (install it with `apt-get install -y libhyperscan-dev`).";

    /// <summary>Gets the library's functions; throws when it is missing.</summary>
    public static Exports Api => Loaded.Value ?? throw new InvalidOperationException(SkipReason);

    private static Exports? Load()
    {
        if (!NativeLibrary.TryLoad(LibraryName, typeof(HyperscanLibrary).Assembly, null, out var handle))
        {
            return null;
        }

        return new Exports
        {
            CompileMulti = (delegate* unmanaged[Cdecl]<nint*, uint*, uint*, uint, uint, nint, nint*, nint*, int>)NativeLibrary.GetExport(handle, "hs_compile_multi"),
            FreeCompileError = (delegate* unmanaged[Cdecl]<nint, int>)NativeLibrary.GetExport(handle, "hs_free_compile_error"),
            AllocScratch = (delegate* unmanaged[Cdecl]<nint, nint*, int>)NativeLibrary.GetExport(handle, "hs_alloc_scratch"),
            FreeScratch = (delegate* unmanaged[Cdecl]<nint, int>)NativeLibrary.GetExport(handle, "hs_free_scratch"),
            FreeDatabase = (delegate* unmanaged[Cdecl]<nint, int>)NativeLibrary.GetExport(handle, "hs_free_database"),
            Scan = (delegate* unmanaged[Cdecl]<nint, byte*, uint, uint, nint, delegate* unmanaged[Cdecl]<uint, ulong, ulong, uint, nint, int>, nint, int>)NativeLibrary.GetExport(handle, "hs_scan"),
        };
    }

    /// <summary>The functions of <c>hs.h</c> used here, with their C signatures.</summary>
    internal sealed class Exports
    {
        /// <summary><c>hs_compile_multi(expressions, flags, ids, elements, mode, platform, &amp;db, &amp;error)</c>.</summary>
        public required delegate* unmanaged[Cdecl]<nint*, uint*, uint*, uint, uint, nint, nint*, nint*, int> CompileMulti { get; init; }

        /// <summary><c>hs_free_compile_error(error)</c>.</summary>
        public required delegate* unmanaged[Cdecl]<nint, int> FreeCompileError { get; init; }

        /// <summary><c>hs_alloc_scratch(db, &amp;scratch)</c>.</summary>
        public required delegate* unmanaged[Cdecl]<nint, nint*, int> AllocScratch { get; init; }

        /// <summary><c>hs_free_scratch(scratch)</c>.</summary>
        public required delegate* unmanaged[Cdecl]<nint, int> FreeScratch { get; init; }

        /// <summary><c>hs_free_database(db)</c>.</summary>
        public required delegate* unmanaged[Cdecl]<nint, int> FreeDatabase { get; init; }

        /// <summary><c>hs_scan(db, data, length, flags, scratch, onEvent, context)</c>.</summary>
        public required delegate* unmanaged[Cdecl]<nint, byte*, uint, uint, nint, delegate* unmanaged[Cdecl]<uint, ulong, ulong, uint, nint, int>, nint, int> Scan { get; init; }
    }
}

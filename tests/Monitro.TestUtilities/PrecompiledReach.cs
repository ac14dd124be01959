using System.Reflection;
using System.Runtime.CompilerServices;

namespace Monitro.Testing;

/// <summary>
/// Finds the helpers that run unoptimized although their callers are compiled optimized at once: the methods a method
/// marked <see cref="MethodImplOptions.AggressiveOptimization"/> calls that are private to their assembly and marked
/// neither so nor <see cref="MethodImplOptions.AggressiveInlining"/>.
/// </summary>
/// <remarks>
/// <para>crossgen2 precompiles every method other assemblies can call, but a private method only when code it
/// precompiles calls it without inlining it. It skips marked methods (the runtime compiles those itself), so a
/// private helper that only they call has no precompiled code: the runtime compiles it unoptimized at its first call
/// and, on a host with one CPU, leaves it so for most of a stream (the release build's ready-to-run image, seen with
/// <c>MONITRO_JIT_LOG=1</c>: <c>IsoTimestamp.TryDigits</c>, six times per post, at tier 0 through 200,000 posts).</para>
/// <para>Left out: methods of 16 bytes of IL or less (the JIT always inlines them), constructors, and code the
/// compiler generates (lambdas, local functions, records' members), which cannot be marked.</para>
/// </remarks>
public static class PrecompiledReach
{
    private const int AlwaysInlinedIlSize = 16;
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>Lists the unmarked private helpers of <paramref name="assembly"/> that its marked methods reach, directly or through other such helpers.</summary>
    /// <returns>One line per helper: the helper and a marked method that calls it.</returns>
    public static IReadOnlyList<string> UnmarkedHelpers(Assembly assembly)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var visited = new HashSet<MethodBase>();
        var pending = new Stack<MethodBase>(assembly.GetTypes().SelectMany(type => type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared))).Where(IsMarkedOptimized));
        while (pending.TryPop(out var caller))
        {
            if (!visited.Add(caller))
            {
                continue;
            }

            foreach (var callee in IlCalls.Of(caller).Select(Definition))
            {
                if (callee.Module.Assembly == assembly && NeedsMark(callee))
                {
                    found.Add($"{callee.DeclaringType!.FullName}.{callee.Name}, called by {caller.DeclaringType!.Name}.{caller.Name}");
                    pending.Push(callee);
                }
            }
        }

        return [.. found];
    }

    private static bool NeedsMark(MethodBase method) =>
        !IsMarkedOptimized(method)
        && (method.MethodImplementationFlags & MethodImplAttributes.AggressiveInlining) == 0
        && !method.IsConstructor
        && IsPrivate(method)
        && !IsGenerated(method)
        && (method.GetMethodBody()?.GetILAsByteArray()?.Length ?? 0) > AlwaysInlinedIlSize;

    private static bool IsMarkedOptimized(MethodBase method) => (method.MethodImplementationFlags & MethodImplAttributes.AggressiveOptimization) != 0;

    private static bool IsPrivate(MethodBase method)
    {
        if (method.IsPrivate)
        {
            return true;
        }

        for (var type = method.DeclaringType; type is not null; type = type.DeclaringType)
        {
            if (type.IsNestedPrivate)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsGenerated(MethodBase method)
    {
        if (method.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false) || method.Name.Contains('<', StringComparison.Ordinal))
        {
            return true;
        }

        for (var type = method.DeclaringType; type is not null; type = type.DeclaringType)
        {
            if (type.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false) || type.Name.Contains('<', StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // The method as declared: a generic method or a method of a generic type, without its type arguments.
    private static MethodBase Definition(MethodBase method)
    {
        if (method is MethodInfo { IsGenericMethod: true, IsGenericMethodDefinition: false } generic)
        {
            method = generic.GetGenericMethodDefinition();
        }

        return method.DeclaringType is { IsConstructedGenericType: true } type
            ? MethodBase.GetMethodFromHandle(method.MethodHandle, type.GetGenericTypeDefinition().TypeHandle)!
            : method;
    }
}

using System.Reflection;
using System.Reflection.Emit;

namespace Monitro.Testing;

/// <summary>Reads the methods a method's IL calls, constructs or takes the address of.</summary>
public static class IlCalls
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(code => code.Value);

    /// <summary>Gets the methods <paramref name="method"/> calls (<c>call</c>, <c>callvirt</c>, <c>newobj</c>, <c>ldftn</c>), resolved in its generic context.</summary>
    /// <returns>The callees; empty for a method without IL.</returns>
    public static IEnumerable<MethodBase> Of(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var typeArguments = method.DeclaringType is { IsGenericType: true } type ? type.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var at = 0;
        while (at < il.Length)
        {
            // Two-byte opcodes start with 0xFE; their values are the two bytes as a (negative) short.
            var twoBytes = il[at] == 0xFE;
            var code = OpCodesByValue[twoBytes ? unchecked((short)(0xFE00 | il[at + 1])) : il[at]];
            at += twoBytes ? 2 : 1;
            if (code.OperandType == OperandType.InlineMethod)
            {
                var token = BitConverter.ToInt32(il, at);
                MethodBase? callee;
                try
                {
                    callee = method.Module.ResolveMethod(token, typeArguments, methodArguments);
                }
                catch (Exception exception) when (exception is ArgumentException or TypeLoadException or FileNotFoundException)
                {
                    callee = null; // a call reflection cannot resolve here (a vararg signature, an assembly not loaded)
                }

                if (callee is not null)
                {
                    yield return callee;
                }
            }

            at += OperandSize(code.OperandType, il, at);
        }
    }

    private static int OperandSize(OperandType type, byte[] il, int at) => type switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };
}

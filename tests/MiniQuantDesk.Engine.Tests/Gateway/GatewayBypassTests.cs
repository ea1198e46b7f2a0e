using System.Reflection;
using MiniQuantDesk.Engine.Gateway;

namespace MiniQuantDesk.Engine.Tests.Gateway;

/// <summary>
/// No path reaches a broker except through the gateway: a broker takes only approved commands, and in the whole
/// engine only <see cref="OrderGateway"/> can make one. Proved by reading the engine's own IL.
/// </summary>
public sealed class GatewayBypassTests
{
    private static readonly Assembly s_engine = typeof(OrderGateway).Assembly;

    [Fact]
    public void A_broker_accepts_nothing_but_approved_commands()
    {
        MethodInfo[] methods = typeof(IBroker).GetMethods();

        Assert.All(methods, m => Assert.All(m.GetParameters(), p => Assert.Equal(typeof(ApprovedCommand).MakeByRefType(), p.ParameterType)));
    }

    [Fact]
    public void An_approved_command_and_the_gateway_token_cannot_be_constructed_from_outside_the_engine()
    {
        Assert.Empty(typeof(ApprovedCommand).GetConstructors(BindingFlags.Public | BindingFlags.Instance));
        Assert.Empty(typeof(GatewayToken).GetConstructors(BindingFlags.Public | BindingFlags.Instance));
        Assert.Empty(typeof(GatewayToken).GetMethods(BindingFlags.Public | BindingFlags.Static));
        Assert.False(default(ApprovedCommand).IsApproved);
    }

    [Fact]
    public void Only_the_gateway_makes_approved_commands_or_gateway_tokens_anywhere_in_the_engine()
    {
        ConstructorInfo approvedConstructor = typeof(ApprovedCommand).GetConstructors(BindingFlags.NonPublic | BindingFlags.Instance).Single();
        MethodInfo tokenFactory = typeof(GatewayToken).GetMethod("Create", BindingFlags.NonPublic | BindingFlags.Static)!;
        ConstructorInfo tokenConstructor = typeof(GatewayToken).GetConstructors(BindingFlags.NonPublic | BindingFlags.Instance).Single();

        string[] makers = [.. CallersOf(approvedConstructor).Concat(CallersOf(tokenFactory)).Concat(CallersOf(tokenConstructor)).Distinct().Order()];

        Assert.Equal([typeof(GatewayToken).FullName!, typeof(OrderGateway).FullName!], makers);
    }

    [Fact]
    public void The_scan_finds_a_caller_when_there_is_one()
    {
        // The gateway itself calls the constructor: if the IL scan found nothing, the test above could not fail.
        ConstructorInfo approvedConstructor = typeof(ApprovedCommand).GetConstructors(BindingFlags.NonPublic | BindingFlags.Instance).Single();

        Assert.Contains(typeof(OrderGateway).FullName!, CallersOf(approvedConstructor));
    }

    /// <summary>The declaring types (outermost, so lambdas and state machines count as their owner) of every method
    /// in the engine whose IL calls or constructs <paramref name="target"/>.</summary>
    private static IEnumerable<string> CallersOf(MethodBase target)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (Type type in s_engine.GetTypes())
        {
            IEnumerable<MethodBase> methods = type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all));
            foreach (MethodBase method in methods)
            {
                byte[]? il = method.GetMethodBody()?.GetILAsByteArray();
                if (il is not null && CallsTarget(method.Module, il, target, type, method))
                {
                    Type owner = type;
                    while (owner.DeclaringType is not null)
                    {
                        owner = owner.DeclaringType;
                    }

                    yield return owner.FullName!;
                }
            }
        }
    }

    private static bool CallsTarget(Module module, byte[] il, MethodBase target, Type type, MethodBase method)
    {
        // call (0x28), callvirt (0x6F), newobj (0x73), ldftn (0xFE 0x06) each take a 4-byte method token. Scanning
        // every offset can misread an operand as an opcode; a misread token either fails to resolve or resolves to
        // some other method, so it can add a false caller (failing the test) but never hide a real one.
        for (int i = 0; i + 4 < il.Length; i++)
        {
            if (il[i] is 0x28 or 0x6F or 0x73 || (il[i] == 0x06 && i > 0 && il[i - 1] == 0xFE))
            {
                int token = BitConverter.ToInt32(il, i + 1);
                try
                {
                    MethodBase? called = module.ResolveMethod(
                        token,
                        type.IsGenericType ? type.GetGenericArguments() : null,
                        method.IsGenericMethod ? method.GetGenericArguments() : null);
                    if (called is not null && called.MetadataToken == target.MetadataToken && called.Module == target.Module)
                    {
                        return true;
                    }
                }
                catch (ArgumentException)
                {
                }
                catch (BadImageFormatException)
                {
                }
            }
        }

        return false;
    }
}

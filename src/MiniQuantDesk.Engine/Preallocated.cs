using System.Runtime.CompilerServices;

namespace MiniQuantDesk.Engine;

/// <summary>
/// Arrays for the engine's fixed-capacity stores (orders, fills, lots, id indexes), committed when they are made.
/// A large new array is zero pages the operating system has only promised: the first write to each page faults,
/// and the kernel maps and clears it then. Left to the hot path, those faults arrive with the first orders and fills
/// (a microsecond or more each, on a virtual machine) and keep arriving as the stores fill. Writing once to every
/// page here moves them all to start-up, where the engine's memory is reserved anyway — as a low-latency JVM does with
/// <c>-XX:+AlwaysPreTouch</c>.
/// </summary>
public static class Preallocated
{
    /// <summary>A zeroed array of <paramref name="length"/> elements with every page already written.</summary>
    public static T[] Array<T>(int length)
    {
        var array = new T[length];
        int perPage = Math.Max(1, Environment.SystemPageSize / Unsafe.SizeOf<T>());
        for (int i = 0; i < array.Length; i += perPage)
        {
            // The element is zero already: the write only makes the kernel commit the page now.
            array[i] = default!;
        }

        return array;
    }
}

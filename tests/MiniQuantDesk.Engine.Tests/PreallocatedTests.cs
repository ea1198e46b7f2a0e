using System.Runtime.CompilerServices;
using FsCheck;
using FsCheck.Fluent;

namespace MiniQuantDesk.Engine.Tests;

/// <summary>
/// A preallocated array is what <c>new T[length]</c> gives — its length, every element default — whatever the
/// element's size against the page: committing its pages up front changes nothing a reader can see.
/// </summary>
public sealed class PreallocatedTests
{
    [Fact]
    public void A_preallocated_array_equals_a_new_one_for_any_length()
    {
        Prop.ForAll(Gen.Choose(0, 200_000).ToArbitrary(), length =>
        {
            long[] longs = Preallocated.Array<long>(length);
            Assert.Equal(length, longs.Length);
            Assert.True(longs.AsSpan().IndexOfAnyExcept(0L) < 0);

            string?[] references = Preallocated.Array<string?>(length);
            Assert.Equal(length, references.Length);
            Assert.True(Array.TrueForAll(references, reference => reference is null));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Elements_larger_than_a_page_stay_default()
    {
        PageAndMore[] array = Preallocated.Array<PageAndMore>(5);
        Assert.Equal(5, array.Length);
        Assert.All(array, element => Assert.True(((ReadOnlySpan<long>)element).IndexOfAnyExcept(0L) < 0));
    }

    // 8,200 bytes: more than two 4 KiB pages (an array's element can be at most 64 KiB).
    [InlineArray(1_025)]
    private struct PageAndMore
    {
        private long _element;
    }
}

using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Reconcile;

namespace MiniQuantDesk.Engine.Tests.Reconcile;

/// <summary>Nothing counts as reconciled until a clean, fresh reconcile says so; a dirty one sticks.</summary>
public sealed class ReconcileStatusTests
{
    [Fact]
    public void An_engine_that_never_reconciled_is_not_clean()
    {
        var status = new ReconcileStatus(maxAgeNs: 100);

        Assert.False(status.IsCleanAt(0));
        Assert.Equal(-1, status.AgeAt(0));
    }

    [Fact]
    public void A_clean_reconcile_counts_only_while_it_is_fresh()
    {
        var status = new ReconcileStatus(maxAgeNs: 100);
        status.MarkClean(1_000);

        Assert.True(status.IsCleanAt(1_100));
        Assert.False(status.IsCleanAt(1_101));
    }

    [Fact]
    public void A_dirty_reconcile_stays_dirty_until_a_later_clean_one()
    {
        var status = new ReconcileStatus(maxAgeNs: 100);
        status.MarkClean(1_000);
        status.MarkDirty(new Reason(ReasonCode.UnknownOrder, new SymbolId(1), 1_010, 0, 0));

        bool dirty = status.IsCleanAt(1_020);
        status.MarkClean(1_030);

        Assert.False(dirty);
        Assert.True(status.IsCleanAt(1_040));
    }

    [Fact]
    public void An_older_snapshot_never_replaces_a_newer_one()
    {
        var status = new ReconcileStatus(maxAgeNs: 100);
        status.MarkClean(1_000);
        status.MarkClean(500);

        Assert.Equal(50, status.AgeAt(1_050));
    }
}

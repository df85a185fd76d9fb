using Governance.Audit.Sequencing;

namespace Governance.Audit.Tests.Sequencing;

/// <summary>The rule that keeps the log in record order without ever skipping a record that can still commit.</summary>
public sealed class GapTrackerTests
{
    private static readonly HashSet<string> Nobody = [];

    [Fact]
    public void ContiguousIds_AreAllTaken()
    {
        var gaps = new GapTracker(through: 10);

        Assert.Equal(3, gaps.Walk([11, 12, 13], holdersBefore: null));
        gaps.Advance(13);

        Assert.Equal(13, gaps.Through);
        Assert.False(gaps.NeedsOwners);
    }

    [Fact]
    public void NewGap_StopsTheLogUntilItsOwnersAreKnown()
    {
        var gaps = new GapTracker(through: 10);

        Assert.Equal(1, gaps.Walk([11, 13, 14], holdersBefore: Nobody));

        Assert.True(gaps.NeedsOwners);
        Assert.False(gaps.HasOwners);
    }

    [Fact]
    public void Gap_IsDead_OnceEveryOwnerHasEnded()
    {
        var gaps = new GapTracker(through: 10);
        gaps.Walk([11, 13], holdersBefore: null);
        gaps.Advance(11);
        gaps.RecordOwners(new HashSet<string> { "3/7", "4/9" });

        Assert.Equal(0, gaps.Walk([13], holdersBefore: new HashSet<string> { "4/9" }));
        gaps.RecordOwners(new HashSet<string> { "4/9" });
        Assert.Equal(1, gaps.Walk([13], holdersBefore: new HashSet<string> { "5/1" }));
        gaps.Advance(13);

        Assert.Equal(13, gaps.Through);
        Assert.False(gaps.HasOwners);
    }

    [Fact]
    public void FilledGap_IsTakenInOrder_AndWhatRemainsKeepsItsOwners()
    {
        var gaps = new GapTracker(through: 0);
        gaps.Walk([1, 5], holdersBefore: null);
        gaps.Advance(1);
        gaps.RecordOwners(new HashSet<string> { "3/7" });

        // 2 and 3 committed meanwhile; 4 is still missing and its owner still runs.
        Assert.Equal(2, gaps.Walk([2, 3, 5], holdersBefore: new HashSet<string> { "3/7" }));
        gaps.Advance(3);
        Assert.False(gaps.NeedsOwners);

        // The owner ended without 4 appearing: 4 will never exist.
        Assert.Equal(1, gaps.Walk([5], holdersBefore: Nobody));
    }

    [Fact]
    public void GapSeenAfterItsOwnersWereRead_IsNotDeclaredDeadWithThem()
    {
        var gaps = new GapTracker(through: 0);
        gaps.Walk([1, 3], holdersBefore: null);
        gaps.Advance(1);
        gaps.RecordOwners(Nobody);

        // A new gap (4..5) appears above; its owners were never read, so it waits even with nobody holding the lock.
        Assert.Equal(1, gaps.Walk([3, 6], holdersBefore: Nobody));
        Assert.True(gaps.NeedsOwners);
    }

    [Fact]
    public void UnknownOwners_NeverCountAsEnded()
    {
        var gaps = new GapTracker(through: 0);

        Assert.Equal(0, gaps.Walk([2], holdersBefore: Nobody));
        Assert.Equal(0, gaps.Walk([2], holdersBefore: Nobody));
    }

    [Fact]
    public void VisibleIdsBelowTheLog_AreRefused()
    {
        var gaps = new GapTracker(through: 5);

        Assert.Throws<ArgumentException>(() => gaps.Walk([5], holdersBefore: null));
    }
}

namespace Governance.Audit.Sequencing;

/// <summary>
/// Decides how far the log may advance in record-id order (ADR-010). Record ids come from a
/// sequence in call order, so an id missing below a visible one was taken by a transaction that
/// was already running then, and that transaction holds RowExclusiveLock on audit_records until it
/// ends. Such a gap is dead (its ids will never be used) once every transaction that held the lock
/// after the gap was first seen has ended and the ids are still not visible. Until then the log
/// waits at the gap; nothing after it is integrated, so sequence order stays record order.
/// </summary>
/// <remarks>
/// The caller keeps the order the argument needs: in each batch, the lock holders it passes to
/// <see cref="Walk"/> were read before the snapshot that listed the visible ids, and the holders it
/// passes to <see cref="RecordOwners"/> were read after it.
/// </remarks>
internal sealed class GapTracker(long through)
{
    // The gaps of the last walk, ascending; Owners is null until they have been read.
    private List<Gap> _gaps = [];

    /// <summary>Every record id up to this one is in the log or will never be used.</summary>
    public long Through { get; private set; } = through;

    /// <summary>Whether some gap waits for its owners to end (the next batch reads the lock holders first).</summary>
    public bool HasOwners => _gaps.Exists(g => g.Owners is not null);

    /// <summary>Whether the last walk saw a gap whose owners have not been read yet.</summary>
    public bool NeedsOwners => _gaps.Exists(g => g.Owners is null);

    /// <summary>
    /// Walks the ids visible above <see cref="Through"/> (ascending, from one snapshot) and returns how
    /// many of them, from the first, the log may take now. <paramref name="holdersBefore"/>: the
    /// transactions holding the lock just before that snapshot (null when not read).
    /// </summary>
    public int Walk(IReadOnlyList<long> visible, IReadOnlySet<string>? holdersBefore)
    {
        ArgumentNullException.ThrowIfNull(visible);
        var gaps = new List<Gap>();
        var expected = Through + 1;
        var take = visible.Count;
        for (var i = 0; i < visible.Count; i++)
        {
            var id = visible[i];
            if (id < expected)
            {
                throw new ArgumentException("Visible ids must be ascending and above the integrated ones.", nameof(visible));
            }

            if (id > expected)
            {
                var owners = KnownOwners(expected, id - 1);
                gaps.Add(new Gap(expected, id - 1, owners));
                var dead = owners is not null && holdersBefore is not null && !owners.Overlaps(holdersBefore);
                if (!dead && take == visible.Count)
                {
                    take = i;
                }
            }

            expected = id + 1;
        }

        _gaps = gaps;
        return take;
    }

    /// <summary>The log has taken every visible id up to <paramref name="lastId"/> (and skipped the dead gaps below it).</summary>
    public void Advance(long lastId)
    {
        Through = Math.Max(Through, lastId);
        _gaps.RemoveAll(g => g.Last <= Through);
    }

    /// <summary>Gives every gap seen without owners the transactions that hold the lock now (read after the walk's snapshot).</summary>
    public void RecordOwners(IReadOnlySet<string> holdersAfter)
    {
        ArgumentNullException.ThrowIfNull(holdersAfter);
        _gaps = _gaps.ConvertAll(g => g.Owners is null ? g with { Owners = holdersAfter } : g);
    }

    // Gaps only shrink (what became visible stays visible), so a gap seen before contains the new one.
    private IReadOnlySet<string>? KnownOwners(long first, long last)
    {
        foreach (var gap in _gaps)
        {
            if (gap.First <= first && last <= gap.Last)
            {
                return gap.Owners;
            }
        }

        return null;
    }

    private sealed record Gap(long First, long Last, IReadOnlySet<string>? Owners);
}

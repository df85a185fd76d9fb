using Governance.Audit.Offline.Merkle;
using Governance.Audit.Storage;

namespace Governance.Audit.Verification;

/// <summary>
/// Checks stored tree nodes, fed in (level, index) order, against the nodes recomputed from the
/// leaves: every perfect node from <see cref="StoredTree.StoredLevel"/> up must be there, equal, and
/// nothing else. One level in memory at a time.
/// </summary>
internal sealed class TreeNodeCheck(IReadOnlyList<byte[]> leaves)
{
    private readonly long _size = leaves.Count;
    private IReadOnlyList<byte[]> _expected = leaves;
    private int _level;
    private long _next;

    public long? FirstBadSequence { get; private set; }

    public string? Problem { get; private set; }

    public bool Feed(int level, long index, byte[] hash)
    {
        while (level > _level)
        {
            if (!CloseLevel())
            {
                return false;
            }
        }

        if (level < StoredTree.StoredLevel)
        {
            return Fail(Math.Min(index << level, _size), $"tree node ({level}, {index}) is stored below level {StoredTree.StoredLevel}, where nodes are never stored");
        }

        if (level < _level || index < _next)
        {
            return Fail(index << level, $"tree node ({level}, {index}) is stored out of order or twice");
        }

        if (index > _next)
        {
            return Fail(_next << _level, $"tree node ({_level}, {_next}) is missing");
        }

        if (index >= _expected.Count)
        {
            return Fail(Math.Min(index << level, _size), $"tree node ({level}, {index}) covers entries that do not exist");
        }

        if (!hash.AsSpan().SequenceEqual(_expected[(int)index]))
        {
            return Fail(index << level, $"tree node ({level}, {index}) does not match the entries under it");
        }

        _next++;
        return true;
    }

    public bool Finish()
    {
        while (_expected.Count > 0)
        {
            if (!CloseLevel())
            {
                return false;
            }
        }

        return true;
    }

    private bool CloseLevel()
    {
        if (_level >= StoredTree.StoredLevel && _next < _expected.Count)
        {
            return Fail(_next << _level, $"tree node ({_level}, {_next}) is missing");
        }

        var parents = new byte[_expected.Count / 2][];
        for (var i = 0; i < parents.Length; i++)
        {
            parents[i] = MerkleHash.Node(_expected[2 * i], _expected[(2 * i) + 1]);
        }

        _expected = parents;
        _level++;
        _next = 0;
        return true;
    }

    private bool Fail(long leafIndex, string problem)
    {
        FirstBadSequence = leafIndex + 1;
        Problem = problem;
        return false;
    }
}

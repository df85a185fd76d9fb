using Governance.Audit.Offline.Merkle;
using Npgsql;

namespace Governance.Audit.Sequencing;

/// <summary>
/// The committed records above the log's end, in id order: what the sequencer needs of them. Leaf
/// hashes are packed into one array, which the runs slice instead of copying per record.
/// </summary>
internal sealed class VisibleRecords
{
    private byte[] _leaves = new byte[64 * MerkleHash.Size];

    public List<long> Ids { get; } = [];

    /// <summary>The log sequence each record's writer took (ADR-029).</summary>
    public List<long> Sequences { get; } = [];

    public int Count => Ids.Count;

    public ReadOnlyMemory<byte> Leaf(int index) => _leaves.AsMemory(index * MerkleHash.Size, MerkleHash.Size);

    public byte[] Leaves(int start, int count) => _leaves.AsSpan(start * MerkleHash.Size, count * MerkleHash.Size).ToArray();

    /// <summary>Reads id, leaf hash and log sequence from the scan's current row.</summary>
    public void Add(NpgsqlDataReader row)
    {
        var offset = Ids.Count * MerkleHash.Size;
        if (offset + MerkleHash.Size > _leaves.Length)
        {
            Array.Resize(ref _leaves, _leaves.Length * 2);
        }

        if (row.GetBytes(1, 0, _leaves, offset, MerkleHash.Size) != MerkleHash.Size)
        {
            throw new InvalidOperationException($"Record {row.GetInt64(0)} has a leaf hash that is not {MerkleHash.Size} bytes.");
        }

        Ids.Add(row.GetInt64(0));
        Sequences.Add(row.GetInt64(2));
    }
}

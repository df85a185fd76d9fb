using Governance.Audit.Offline.Merkle;
using Npgsql;

namespace Governance.Audit.Sequencing;

/// <summary>
/// The committed records above the log's end, in id order: what the sequencer needs of them. Leaf
/// hashes are packed into one array, which the runs and receipts slice instead of copying per record.
/// </summary>
internal sealed class VisibleRecords
{
    private byte[] _leaves = new byte[64 * MerkleHash.Size];

    public List<long> Ids { get; } = [];

    public List<Guid> RequestIds { get; } = [];

    public List<DateTimeOffset> RecordedAt { get; } = [];

    public ReadOnlyMemory<byte> Leaf(int index) => _leaves.AsMemory(index * MerkleHash.Size, MerkleHash.Size);

    public byte[] Leaves(int start, int count) => _leaves.AsSpan(start * MerkleHash.Size, count * MerkleHash.Size).ToArray();

    /// <summary>Reads id, request id, leaf hash and recorded-at from the scan's current row.</summary>
    public void Add(NpgsqlDataReader row)
    {
        var offset = Ids.Count * MerkleHash.Size;
        if (offset + MerkleHash.Size > _leaves.Length)
        {
            Array.Resize(ref _leaves, _leaves.Length * 2);
        }

        if (row.GetBytes(2, 0, _leaves, offset, MerkleHash.Size) != MerkleHash.Size)
        {
            throw new InvalidOperationException($"Record {row.GetInt64(0)} has a leaf hash that is not {MerkleHash.Size} bytes.");
        }

        Ids.Add(row.GetInt64(0));
        RequestIds.Add(row.GetGuid(1));
        RecordedAt.Add(row.GetFieldValue<DateTimeOffset>(3));
    }
}

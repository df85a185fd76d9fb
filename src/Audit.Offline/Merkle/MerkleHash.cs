using System.Buffers;
using System.Security.Cryptography;

namespace Governance.Audit.Offline.Merkle;

/// <summary>
/// RFC 9162 §2.1.1 hashing: SHA-256 with a one-byte domain prefix, 0x00 for leaves and 0x01 for
/// interior nodes, so a leaf can never be passed off as a node (second-preimage attacks).
/// </summary>
public static class MerkleHash
{
    public const int Size = 32;
    private const int StackLimit = 1024;

    // One reusable SHA-256 context per thread: the one-shot API sets a context up and tears it down on
    // every call, which costs more than hashing a node's 65 bytes (about a quarter of a node hash here).
    [ThreadStatic]
    private static IncrementalHash? _threadSha256;

    public static byte[] Leaf(ReadOnlySpan<byte> data)
    {
        var hash = new byte[Size];
        Leaf(data, hash);
        return hash;
    }

    /// <summary>SHA-256(0x00 || data) into <paramref name="destination"/>, without allocating for small data.</summary>
    public static void Leaf(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        var length = data.Length + 1;
        byte[]? rented = length > StackLimit ? ArrayPool<byte>.Shared.Rent(length) : null;
        var buffer = rented is null ? stackalloc byte[length] : rented.AsSpan(0, length);
        buffer[0] = 0x00;
        data.CopyTo(buffer[1..]);
        Sha256(buffer, destination);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public static byte[] Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        var hash = new byte[Size];
        Node(left, right, hash);
        return hash;
    }

    /// <summary>SHA-256(0x01 || left || right); <paramref name="destination"/> may alias either input.</summary>
    public static void Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> destination)
    {
        if (left.Length != Size || right.Length != Size)
        {
            throw new ArgumentException($"Merkle node children are {Size}-byte hashes.");
        }

        Span<byte> buffer = stackalloc byte[1 + (2 * Size)];
        buffer[0] = 0x01;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[(1 + Size)..]);
        Sha256(buffer, destination);
    }

    private static void Sha256(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        var sha = _threadSha256 ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(data);
        sha.GetHashAndReset(destination);
    }

    /// <summary>
    /// The hash of a perfect subtree from its leaf hashes, packed 32 bytes each; their count must be
    /// a power of two. Folds level by level in one buffer.
    /// </summary>
    public static byte[] Perfect(ReadOnlySpan<byte> packedLeaves)
    {
        var count = packedLeaves.Length / Size;
        if (count == 0 || packedLeaves.Length % Size != 0 || (count & (count - 1)) != 0)
        {
            throw new ArgumentException("A perfect subtree has a power-of-two number of 32-byte leaf hashes.", nameof(packedLeaves));
        }

        var level = packedLeaves.ToArray();
        for (; count > 1; count /= 2)
        {
            for (var i = 0; i < count / 2; i++)
            {
                Node(level.AsSpan(2 * i * Size, Size), level.AsSpan(((2 * i) + 1) * Size, Size), level.AsSpan(i * Size, Size));
            }
        }

        return level.AsSpan(0, Size).ToArray();
    }

    /// <summary>The root of the empty tree: SHA-256 of no bytes.</summary>
    public static byte[] EmptyRoot() => SHA256.HashData(ReadOnlySpan<byte>.Empty);
}

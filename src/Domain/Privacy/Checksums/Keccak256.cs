using System.Numerics;

namespace Governance.Domain.Privacy.Checksums;

/// <summary>
/// Keccak-256 as Ethereum uses it (the original Keccak padding 0x01, not SHA3-256's 0x06), which .NET
/// does not ship; EIP-55 address checksums need it. Small inputs only matter here, speed is secondary.
/// </summary>
public static class Keccak256
{
    private const int Rate = 136;

    private static ReadOnlySpan<ulong> RoundConstants =>
    [
        0x0000000000000001, 0x0000000000008082, 0x800000000000808A, 0x8000000080008000, 0x000000000000808B,
        0x0000000080000001, 0x8000000080008081, 0x8000000000008009, 0x000000000000008A, 0x0000000000000088,
        0x0000000080008009, 0x000000008000000A, 0x000000008000808B, 0x800000000000008B, 0x8000000000008089,
        0x8000000000008003, 0x8000000000008002, 0x8000000000000080, 0x000000000000800A, 0x800000008000000A,
        0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008,
    ];

    private static ReadOnlySpan<byte> Rotations => [1, 3, 6, 10, 15, 21, 28, 36, 45, 55, 2, 14, 27, 41, 56, 8, 25, 43, 62, 18, 39, 61, 20, 44];

    private static ReadOnlySpan<byte> Lanes => [10, 7, 11, 17, 18, 3, 5, 16, 8, 21, 24, 4, 15, 23, 19, 13, 12, 2, 20, 14, 22, 9, 6, 1];

    public static void Hash(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        Span<ulong> state = stackalloc ulong[25];
        Span<byte> block = stackalloc byte[Rate];
        while (data.Length >= Rate)
        {
            Absorb(state, data[..Rate]);
            data = data[Rate..];
        }

        block.Clear();
        data.CopyTo(block);
        block[data.Length] ^= 0x01;
        block[Rate - 1] ^= 0x80;
        Absorb(state, block);
        for (var i = 0; i < 4; i++)
        {
            BitConverter.TryWriteBytes(destination[(i * 8)..], state[i]);
        }
    }

    private static void Absorb(Span<ulong> state, ReadOnlySpan<byte> block)
    {
        for (var i = 0; i < Rate / 8; i++)
        {
            state[i] ^= BitConverter.ToUInt64(block[(i * 8)..]);
        }

        Permute(state);
    }

    private static void Permute(Span<ulong> a)
    {
        Span<ulong> c = stackalloc ulong[5];
        for (var round = 0; round < 24; round++)
        {
            for (var x = 0; x < 5; x++)
            {
                c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
            }

            for (var x = 0; x < 5; x++)
            {
                var d = c[(x + 4) % 5] ^ BitOperations.RotateLeft(c[(x + 1) % 5], 1);
                for (var y = 0; y < 25; y += 5)
                {
                    a[y + x] ^= d;
                }
            }

            var current = a[1];
            for (var i = 0; i < 24; i++)
            {
                var lane = Lanes[i];
                (a[lane], current) = (BitOperations.RotateLeft(current, Rotations[i]), a[lane]);
            }

            for (var y = 0; y < 25; y += 5)
            {
                for (var x = 0; x < 5; x++)
                {
                    c[x] = a[y + x];
                }

                for (var x = 0; x < 5; x++)
                {
                    a[y + x] = c[x] ^ (~c[(x + 1) % 5] & c[(x + 2) % 5]);
                }
            }

            a[0] ^= RoundConstants[round];
        }
    }
}

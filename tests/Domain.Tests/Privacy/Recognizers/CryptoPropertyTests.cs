using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Governance.Domain.Privacy.Checksums;
using Governance.Domain.Privacy.Recognizers;

namespace Governance.Domain.Tests.Privacy.Recognizers;

/// <summary>
/// CRYPTO: Bitcoin Base58Check (P2PKH, P2SH) and Bech32/Bech32m (SegWit v0, v1) addresses and EIP-55
/// Ethereum addresses, encoded here from random payloads, are found; a change of any one character is not.
/// </summary>
public sealed class CryptoPropertyTests
{
    private const string Base58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private const string Bech32Chars = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static readonly CryptoRecognizer Recognizer = new();

    [Fact]
    public void Base58Check_GeneratedValid_FoundAndEverySingleCharacterChangeNot() =>
        Prop.ForAll(Gen.Elements((byte)0, (byte)5).ToArbitrary(), Gen.Choose(0, 255).ArrayOf(20).ToArbitrary(), (version, hash) =>
        {
            var address = EncodeBase58Check([version, .. hash.Select(b => (byte)b)]);
            return Found(address) && EveryChange(address, Base58, 1);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Bech32_GeneratedValid_FoundAndEverySingleCharacterChangeNot() =>
        Prop.ForAll(Gen.Elements(0, 1).ToArbitrary(), Gen.Choose(0, 255).ArrayOf(32).ToArbitrary(), Gen.Elements(true, false).ToArbitrary(),
            (version, program, shortProgram) =>
            {
                // v0: 20-byte key hash or 32-byte script hash, Bech32; v1 (Taproot): 32 bytes, Bech32m.
                var bytes = program.Select(b => (byte)b).Take(version == 0 && shortProgram ? 20 : 32).ToArray();
                var address = EncodeSegwit(version, bytes);
                return Found(address) && EveryChange(address, Bech32Chars, 4);
            }).QuickCheckThrowOnFailure();

    [Fact]
    public void Ethereum_GeneratedWithEip55Case_FoundAndEveryCaseFlipNot() =>
        Prop.ForAll(Gen.Choose(0, 255).ArrayOf(20).ToArbitrary(), bytes =>
        {
            var address = "0x" + Eip55(Convert.ToHexStringLower(bytes.Select(b => (byte)b).ToArray()));
            if (!address[2..].Any(char.IsAsciiLetterUpper) || !address[2..].Any(char.IsAsciiLetterLower))
            {
                return true; // single-case: carries no checksum
            }

            for (var i = 2; i < address.Length; i++)
            {
                if (!char.IsAsciiLetter(address[i]))
                {
                    continue;
                }

                var flipped = address[..i] + (char)(address[i] ^ 0x20) + address[(i + 1)..];
                var hex = flipped[2..];
                var singleCase = !hex.Any(char.IsAsciiLetterUpper) || !hex.Any(char.IsAsciiLetterLower);
                if (!singleCase && Detect.Raw(Recognizer, $"wallet {flipped} today").Count != 0)
                {
                    return false;
                }
            }

            return Found(address);
        }).QuickCheckThrowOnFailure();

    private static bool Found(string address) => Detect.Raw(Recognizer, $"wallet {address} today") is [var found] && found.Value == address;

    // Every other character of the alphabet at every position after the first `keep` characters.
    private static bool EveryChange(string address, string alphabet, int keep)
    {
        for (var i = keep; i < address.Length; i++)
        {
            foreach (var c in alphabet)
            {
                if (c != address[i] && Detect.Raw(Recognizer, $"wallet {address[..i]}{c}{address[(i + 1)..]} today").Count != 0)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static string EncodeBase58Check(byte[] payload)
    {
        var checksum = SHA256.HashData(SHA256.HashData(payload))[..4];
        byte[] data = [.. payload, .. checksum];
        var n = new BigInteger(data, isUnsigned: true, isBigEndian: true);
        var sb = new StringBuilder();
        while (n > 0)
        {
            sb.Insert(0, Base58[(int)(n % 58)]);
            n /= 58;
        }

        foreach (var b in data)
        {
            if (b != 0)
            {
                break;
            }

            sb.Insert(0, '1');
        }

        return sb.ToString();
    }

    private static string EncodeSegwit(int version, byte[] program)
    {
        var data = new List<int> { version };
        int acc = 0, bits = 0;
        foreach (var b in program)
        {
            acc = (acc << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                data.Add((acc >> bits) & 31);
            }
        }

        if (bits > 0)
        {
            data.Add((acc << (5 - bits)) & 31);
        }

        const string hrp = "bc";
        var values = hrp.Select(c => c >> 5).Append(0).Concat(hrp.Select(c => c & 31)).Concat(data).Concat(new int[6]).ToList();
        var polymod = Polymod(values) ^ (version == 0 ? 1 : 0x2bc830a3);
        var checksum = Enumerable.Range(0, 6).Select(i => (int)((polymod >> (5 * (5 - i))) & 31));
        return hrp + "1" + string.Concat(data.Concat(checksum).Select(d => Bech32Chars[d]));
    }

    private static uint Polymod(IEnumerable<int> values)
    {
        uint[] generator = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
        uint chk = 1;
        foreach (var v in values)
        {
            var top = chk >> 25;
            chk = ((chk & 0x1ffffff) << 5) ^ (uint)v;
            for (var i = 0; i < 5; i++)
            {
                chk ^= ((top >> i) & 1) != 0 ? generator[i] : 0;
            }
        }

        return chk;
    }

    // EIP-55: a hex letter is upper case when the matching nibble of Keccak-256(lower-case hex) is 8 or more.
    private static string Eip55(string lowerHex)
    {
        var hash = new byte[32];
        Keccak256.Hash(Encoding.ASCII.GetBytes(lowerHex), hash);
        var chars = lowerHex.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xF;
            chars[i] = char.IsAsciiLetter(chars[i]) && nibble >= 8 ? char.ToUpperInvariant(chars[i]) : chars[i];
        }

        return new string(chars);
    }
}

using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace Governance.Domain.Tests.Privacy.Evaluation.Generator;

/// <summary>
/// Check digits computed from the published rules, independently of the recognizers under test, so a
/// positive really passes its checksum and a near-miss really fails it.
/// </summary>
public static class EvalChecksums
{
    public const string NifLetters = "TRWAGMYFPDXBNJZSQVHLCKE";
    private const string Base58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private const string Bech32Chars = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static readonly int[,] VerhoeffD = Table("0123456789 1234067895 2340178956 3401289567 4012395678 5987604321 6598710432 7659821043 8765932104 9876543210");
    private static readonly int[,] VerhoeffP = Table("0123456789 1576283094 5803796142 8916043527 9453126870 4286573901 2793806415 7046913258");
    private static readonly int[] VerhoeffInverse = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];
    private static readonly int[] FiscalOdd = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

    public static char Luhn(string payload)
    {
        var total = 0;
        for (var i = 0; i < payload.Length; i++)
        {
            var d = payload[payload.Length - 1 - i] - '0';
            if (i % 2 == 0)
            {
                d *= 2;
                d -= d > 9 ? 9 : 0;
            }

            total += d;
        }

        return (char)('0' + ((10 - (total % 10)) % 10));
    }

    public static string Iban(string country, string bban)
    {
        var remainder = 0;
        foreach (var c in bban + country + "00")
        {
            remainder = char.IsAsciiDigit(c) ? ((remainder * 10) + (c - '0')) % 97 : ((remainder * 100) + (c - 'A' + 10)) % 97;
        }

        return $"{country}{98 - remainder:00}{bban}";
    }

    /// <summary>The NHS mod-11 check digit, or -1 when the payload has none (remainder 10).</summary>
    public static int Nhs(string payload)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (payload[i] - '0') * (10 - i);
        }

        var check = 11 - (sum % 11);
        return check == 11 ? 0 : check == 10 ? -1 : check;
    }

    public static char Verhoeff(string payload)
    {
        var c = 0;
        for (var i = 0; i < payload.Length; i++)
        {
            c = VerhoeffD[c, VerhoeffP[(i + 1) % 8, payload[payload.Length - 1 - i] - '0']];
        }

        return (char)('0' + VerhoeffInverse[c]);
    }

    public static char Mod11x10(string payload)
    {
        var product = 10;
        foreach (var d in payload)
        {
            var sum = (d - '0' + product) % 10;
            product = 2 * (sum == 0 ? 10 : sum) % 11;
        }

        return (char)('0' + ((11 - product) % 10));
    }

    public static char Aba(string first8)
    {
        int[] weights = [3, 7, 1, 3, 7, 1, 3, 7];
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (first8[i] - '0') * weights[i];
        }

        return (char)('0' + ((10 - (sum % 10)) % 10));
    }

    public static char FiscalControl(string first15)
    {
        var sum = 0;
        for (var i = 0; i < 15; i++)
        {
            var v = char.IsAsciiDigit(first15[i]) ? first15[i] - '0' : first15[i] - 'A';
            sum += i % 2 == 0 ? FiscalOdd[v] : v;
        }

        return (char)('A' + (sum % 26));
    }

    public static string Base58Check(byte[] payload)
    {
        byte[] data = [.. payload, .. SHA256.HashData(SHA256.HashData(payload))[..4]];
        var n = new BigInteger(data, isUnsigned: true, isBigEndian: true);
        var sb = new StringBuilder();
        while (n > 0)
        {
            sb.Insert(0, Base58[(int)(n % 58)]);
            n /= 58;
        }

        for (var i = 0; i < data.Length && data[i] == 0; i++)
        {
            sb.Insert(0, '1');
        }

        return sb.ToString();
    }

    /// <summary>A "bc" SegWit address: Bech32 (constant 1) for v0, Bech32m (0x2bc830a3) for v1.</summary>
    public static string Segwit(int version, byte[] program, uint constant)
    {
        var data = new List<int> { version };
        int acc = 0, bits = 0;
        foreach (var b in program)
        {
            acc = ((acc << 8) | b) & 0xFFFF;
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

        var values = new List<int> { 'b' >> 5, 'c' >> 5, 0, 'b' & 31, 'c' & 31 };
        values.AddRange(data);
        values.AddRange(new int[6]);
        var polymod = Polymod(values) ^ constant;
        var sb = new StringBuilder("bc1");
        foreach (var d in data)
        {
            sb.Append(Bech32Chars[d]);
        }

        for (var i = 0; i < 6; i++)
        {
            sb.Append(Bech32Chars[(int)((polymod >> (5 * (5 - i))) & 31)]);
        }

        return sb.ToString();
    }

    private static uint Polymod(List<int> values)
    {
        uint[] g = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
        uint chk = 1;
        foreach (var v in values)
        {
            var top = chk >> 25;
            chk = ((chk & 0x1ffffff) << 5) ^ (uint)v;
            for (var i = 0; i < 5; i++)
            {
                chk ^= ((top >> i) & 1) != 0 ? g[i] : 0;
            }
        }

        return chk;
    }

    private static int[,] Table(string rows)
    {
        var lines = rows.Split(' ');
        var table = new int[lines.Length, 10];
        for (var r = 0; r < lines.Length; r++)
        {
            for (var c = 0; c < 10; c++)
            {
                table[r, c] = lines[r][c] - '0';
            }
        }

        return table;
    }
}

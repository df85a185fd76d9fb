namespace Governance.Domain.Privacy.Checksums;

/// <summary>BIP-173 Bech32 and BIP-350 Bech32m checksums (a BCH code over 5-bit symbols).</summary>
public static class Bech32
{
    public const string Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private const uint Bech32Constant = 1;
    private const uint Bech32mConstant = 0x2bc830a3;

    public enum Encoding
    {
        None,
        Bech32,
        Bech32m,
    }

    /// <summary>
    /// Which checksum the lower-case string "hrp1data" satisfies; the separator is its last '1'.
    /// </summary>
    public static Encoding Verify(ReadOnlySpan<char> lower)
    {
        var separator = lower.LastIndexOf('1');
        if (separator < 1 || lower.Length - separator - 1 < 6)
        {
            return Encoding.None;
        }

        var hrp = lower[..separator];
        uint check = 1;
        foreach (var c in hrp)
        {
            check = PolyMod(check, (uint)(c >> 5));
        }

        check = PolyMod(check, 0);
        foreach (var c in hrp)
        {
            check = PolyMod(check, (uint)(c & 31));
        }

        foreach (var c in lower[(separator + 1)..])
        {
            var value = Charset.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                return Encoding.None;
            }

            check = PolyMod(check, (uint)value);
        }

        return check switch
        {
            Bech32Constant => Encoding.Bech32,
            Bech32mConstant => Encoding.Bech32m,
            _ => Encoding.None,
        };
    }

    private static uint PolyMod(uint check, uint value)
    {
        var top = check >> 25;
        check = ((check & 0x1ffffff) << 5) ^ value;
        check ^= (top & 1) != 0 ? 0x3b6a57b2u : 0;
        check ^= (top & 2) != 0 ? 0x26508e6du : 0;
        check ^= (top & 4) != 0 ? 0x1ea119fau : 0;
        check ^= (top & 8) != 0 ? 0x3d4233ddu : 0;
        check ^= (top & 16) != 0 ? 0x2a1462b3u : 0;
        return check;
    }
}

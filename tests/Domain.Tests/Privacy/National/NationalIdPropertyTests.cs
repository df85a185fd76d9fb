using FsCheck;
using FsCheck.Fluent;
using Governance.Domain.Privacy;
using Governance.Domain.Privacy.Checksums;
using Governance.Domain.Privacy.National;

namespace Governance.Domain.Tests.Privacy.National;

/// <summary>Generated valid ids are found; every single-digit corruption of one is not.</summary>
public sealed class NationalIdPropertyTests
{
    private static readonly Gen<int[]> Payloads = Gen.Choose(0, 9).ArrayOf(11);

    [Fact]
    public void Aadhaar_GeneratedValid_FoundAndCorruptionsNot() =>
        Prop.ForAll(Payloads.ToArbitrary(), p =>
        {
            p[0] = 2 + (p[0] % 8);
            var digits = Bytes(p, 11);
            return Check(new InAadhaarRecognizer(), digits, Verhoeff.ComputeCheckDigit(digits));
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Nhs_GeneratedValid_FoundAndCorruptionsNot() =>
        Prop.ForAll(Payloads.ToArbitrary(), p =>
        {
            var digits = Bytes(p, 9);
            var check = WeightedMod.NhsCheckDigit(digits);
            return check < 0 || DigitsAllSame(digits) || Check(new UkNhsRecognizer(), digits, (byte)check);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Aba_GeneratedValid_FoundAndCorruptionsNot() =>
        Prop.ForAll(Payloads.ToArbitrary(), p =>
        {
            p[0] = 0;
            p[1] = p[1] % 3;
            var digits = Bytes(p, 8);
            for (byte c = 0; c < 10; c++)
            {
                if (WeightedMod.IsValidAba([.. digits, c]))
                {
                    return DigitsAllSame([.. digits, c]) || Check(new AbaRoutingRecognizer(), digits, c);
                }
            }

            return false;
        }).QuickCheckThrowOnFailure();

    private static bool Check(IPiiRecognizer recognizer, byte[] payload, byte check)
    {
        var id = new char[payload.Length + 1];
        for (var i = 0; i < payload.Length; i++)
        {
            id[i] = (char)('0' + payload[i]);
        }

        id[^1] = (char)('0' + check);
        if (Scan.Run(recognizer, $"id {new string(id)}.").Count != 1)
        {
            return false;
        }

        for (var i = 0; i < id.Length; i++)
        {
            var original = id[i];
            for (var k = 1; k < 10; k++)
            {
                id[i] = (char)('0' + ((original - '0' + k) % 10));
                if (Scan.Run(recognizer, $"id {new string(id)}.").Count != 0)
                {
                    return false;
                }
            }

            id[i] = original;
        }

        return true;
    }

    private static byte[] Bytes(int[] p, int n)
    {
        var b = new byte[n];
        for (var i = 0; i < n; i++)
        {
            b[i] = (byte)p[i];
        }

        return b;
    }

    private static bool DigitsAllSame(byte[] d) => Array.TrueForAll(d, x => x == d[0]);
}

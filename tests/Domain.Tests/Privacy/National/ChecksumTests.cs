using Governance.Domain.Privacy.Checksums;

namespace Governance.Domain.Tests.Privacy.National;

public sealed class ChecksumTests
{
    [Fact]
    public void Verhoeff_PublishedExample_236Gets3()
    {
        Assert.Equal(3, Verhoeff.ComputeCheckDigit(Digits("236")));
        Assert.True(Verhoeff.IsValid(Digits("2363")));
        Assert.False(Verhoeff.IsValid(Digits("2364")));
    }

    [Fact]
    public void Verhoeff_AdjacentTransposition_Detected() => Assert.False(Verhoeff.IsValid(Digits("3263")));

    [Fact]
    public void Iso7064Mod11x10_PublishedSteuerIdExample_Valid()
    {
        Assert.Equal(9, Iso7064Mod11x10.ComputeCheckDigit(Digits("8609574271")));
        Assert.True(Iso7064Mod11x10.IsValid(Digits("86095742719")));
    }

    [Fact]
    public void Nhs_PublishedExample_Valid_AndCheckDigitTenRefused()
    {
        Assert.True(WeightedMod.IsValidNhs(Digits("9434765919")));
        Assert.Equal(-1, WeightedMod.NhsCheckDigit(Digits("123456789")));
    }

    [Theory]
    [InlineData("011000015", true)]
    [InlineData("021000021", true)]
    [InlineData("021000022", false)]
    [InlineData("02100002", false)]
    public void Aba_KnownRoutingNumbers(string rtn, bool valid) => Assert.Equal(valid, WeightedMod.IsValidAba(Digits(rtn)));

    internal static byte[] Digits(string s)
    {
        var digits = new byte[s.Length];
        for (var i = 0; i < s.Length; i++)
        {
            digits[i] = (byte)(s[i] - '0');
        }

        return digits;
    }
}

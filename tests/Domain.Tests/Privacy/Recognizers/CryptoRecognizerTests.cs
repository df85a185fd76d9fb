using System.Text;
using Governance.Domain.Privacy.Checksums;
using Governance.Domain.Privacy.Recognizers;

namespace Governance.Domain.Tests.Privacy.Recognizers;

public sealed class CryptoRecognizerTests
{
    private readonly CryptoRecognizer _recognizer = new();

    [Theory]
    [InlineData("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa")]                                      // P2PKH
    [InlineData("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy")]                                      // P2SH
    [InlineData("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")]                              // Bech32 v0
    [InlineData("BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4")]                              // upper case
    [InlineData("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0")]          // Bech32m v1
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]                              // EIP-55
    public void Analyze_ValidAddress_ScoresOne(string address) =>
        Assert.Equal((address, 1.0), Assert.Single(Detect.Raw(_recognizer, $"send to {address}.")));

    [Fact]
    public void Analyze_SingleCaseEthereum_ScoresLower() =>
        Assert.Equal(0.6, Assert.Single(Detect.Raw(_recognizer, "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed")).Score);

    [Theory]
    [InlineData("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb")]
    [InlineData("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLz")]
    [InlineData("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5")]
    [InlineData("bC1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")]                              // mixed case
    [InlineData("bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")]                              // v1 with a Bech32 checksum
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD")]                              // EIP-55 fails
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe")]                               // 39 hex
    [InlineData("x1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa")]
    public void Analyze_Invalid_IsNotReported(string text) => Detect.None(_recognizer, text);

    [Theory]
    [InlineData("1A1zP1eP5QGefi2DMPTf\u200BTL5SLmv7DivfNa")]
    [InlineData("bc1\uFF51w508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")]
    public void Analyze_Evasions_AreFoundWithTheOriginalSpan(string address) =>
        Assert.Equal(address, Detect.Single(_recognizer, $"wallet {address}"));

    [Fact]
    public void Keccak256_EmptyInput_MatchesTheKnownDigest()
    {
        Span<byte> hash = stackalloc byte[32];
        Keccak256.Hash([], hash);
        Assert.Equal("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470", Convert.ToHexStringLower(hash));
        Keccak256.Hash(Encoding.ASCII.GetBytes(new string('a', 200)), hash);
        Assert.Equal(64, Convert.ToHexStringLower(hash).Length);
    }
}

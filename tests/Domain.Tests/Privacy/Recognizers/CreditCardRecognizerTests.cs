using Governance.Domain.Privacy.Recognizers;

namespace Governance.Domain.Tests.Privacy.Recognizers;

public sealed class CreditCardRecognizerTests
{
    private readonly CreditCardRecognizer _recognizer = new();

    [Theory]
    [InlineData("4111 1111 1111 1111")]      // Visa
    [InlineData("4222222222222")]            // Visa, 13 digits
    [InlineData("5555-5555-5555-4444")]      // Mastercard
    [InlineData("2223003122003222")]         // Mastercard 2-series
    [InlineData("3782 822463 10005")]        // Amex
    [InlineData("6011111111111117")]         // Discover
    [InlineData("3530111333300000")]         // JCB
    [InlineData("30569309025904")]           // Diners, 14 digits
    [InlineData("6200000000000005")]         // UnionPay
    [InlineData("6759649826438453")]         // Maestro
    public void Analyze_ValidBrandedCard_ScoresOne(string card)
    {
        var found = Assert.Single(Detect.Raw(_recognizer, $"pay with {card} today"));
        Assert.Equal((card, 1.0), found);
    }

    [Theory]
    [InlineData("4111 1111 1111 1112")]      // Luhn fails
    [InlineData("5555555555554445")]
    [InlineData("1111111111111111")]         // one digit repeated
    public void Analyze_InvalidChecksum_IsNotReported(string card) => Detect.None(_recognizer, card);

    [Theory]
    [InlineData("94111111111111111")]        // inside a longer digit run
    [InlineData("x4111111111111111")]        // glued to a word
    [InlineData("4111111111111111x")]
    [InlineData("1-4111-1111-1111-1111")]    // part of a longer hyphenated number
    public void Analyze_InsideLongerRun_IsNotReported(string text) => Detect.None(_recognizer, text);

    [Fact]
    public void Analyze_CardFollowedBySpacedNumber_FindsTheCard() =>
        Assert.Equal("4111 1111 1111 1111", Detect.Single(_recognizer, "card 4111 1111 1111 1111 exp 2027"));

    [Theory]
    [InlineData("4111\u200B1111\u200B1111\u200B1111")]           // zero-width spaces
    [InlineData("\uFF14\uFF11\uFF11\uFF11 1111 1111 1111")]        // full-width digits
    [InlineData("4111.1111.1111.1111")]                           // dots
    [InlineData("4111\u00A01111\u20091111 1111")]                 // NBSP and thin space
    [InlineData("\u0664\u0661\u0661\u0661111111111111")]          // Arabic-Indic digits
    [InlineData("4111%201111%201111%201111")]                     // percent-encoded spaces
    public void Analyze_Evasions_AreFoundWithTheOriginalSpan(string card) =>
        Assert.Equal(card, Detect.Single(_recognizer, $"cc: {card}."));

    [Fact]
    public void Analyze_LuhnValidWithoutBrand_NeedsContext()
    {
        var found = Assert.Single(Detect.Raw(_recognizer, "ref 9999 9999 9999 9995"));
        Assert.True(found.Score < 0.5);
    }
}

using Governance.Domain.Privacy;
using Governance.Domain.Privacy.Operators;

namespace Governance.Domain.Tests.Privacy.Operators;

public sealed class EncryptionTests
{
    private const string Text = "Card 4111 1111 1111 1111, mail jane.roe@example.com, name Zoë 😀.";

    private static readonly PiiEntity[] Entities =
    [
        TestKeys.Entity(Text, "4111 1111 1111 1111", "CREDIT_CARD"),
        TestKeys.Entity(Text, "jane.roe@example.com", "EMAIL_ADDRESS"),
        TestKeys.Entity(Text, "Zoë 😀", "PERSON"),
    ];

    private static readonly OperatorSet Encrypt = OperatorSet.All(new OperatorSpec(OperatorType.Encrypt));

    [Fact]
    public void Encrypt_ThenDecrypt_RestoresTheOriginalText()
    {
        var keys = TestKeys.For("acme");

        var result = TextAnonymizer.Anonymize(Text, Entities, Encrypt, keys);

        Assert.DoesNotContain("jane", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("4111", result.Text, StringComparison.Ordinal);
        Assert.All(result.Items, i => Assert.StartsWith("<ENC:" + i.EntityType + ":", result.Text[i.Start..i.End], StringComparison.Ordinal));
        Assert.Equal(Text, TextDeanonymizer.Decrypt(result.Text, keys.EncryptionKey));
    }

    [Fact]
    public void Encrypt_WithTheSameNonceSource_IsDeterministic()
    {
        var first = TextAnonymizer.Anonymize(Text, Entities, Encrypt, TestKeys.For("acme")).Text;
        var second = TextAnonymizer.Anonymize(Text, Entities, Encrypt, TestKeys.For("acme")).Text;

        Assert.Equal(first, second);
    }

    [Fact]
    public void Encrypt_EqualValues_GetDifferentTokensBecauseEachHasItsOwnNonce()
    {
        const string text = "a@example.com a@example.com";
        var result = TextAnonymizer.Anonymize(text,
            [new PiiEntity("EMAIL_ADDRESS", 0, 13, 1, "t"), new PiiEntity("EMAIL_ADDRESS", 14, 27, 1, "t")], Encrypt, TestKeys.For("acme"));

        var (a, b) = (result.Items[0], result.Items[1]);
        Assert.NotEqual(result.Text[a.Start..a.End], result.Text[b.Start..b.End]);
    }

    [Fact]
    public void Decrypt_WithAnotherTenantsKey_RefusesWithoutPartialOutput()
    {
        var encrypted = TextAnonymizer.Anonymize(Text, Entities, Encrypt, TestKeys.For("acme")).Text;

        var ex = Assert.Throws<DeanonymizationException>(() => TextDeanonymizer.Decrypt(encrypted, TestKeys.For("other").EncryptionKey));
        Assert.Contains("another key or has been altered", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decrypt_OfATamperedToken_Refuses()
    {
        var keys = TestKeys.For("acme");
        var encrypted = TextAnonymizer.Anonymize(Text, Entities, Encrypt, keys).Text;
        var at = encrypted.IndexOf("<ENC:EMAIL_ADDRESS:", StringComparison.Ordinal) + "<ENC:EMAIL_ADDRESS:".Length + 20;
        var tampered = encrypted[..at] + (encrypted[at] == 'A' ? 'B' : 'A') + encrypted[(at + 1)..];

        Assert.Throws<DeanonymizationException>(() => TextDeanonymizer.Decrypt(tampered, keys.EncryptionKey));
    }

    [Fact]
    public void Decrypt_OfATokenMovedToAnotherType_Refuses()
    {
        var keys = TestKeys.For("acme");
        var encrypted = TextAnonymizer.Anonymize(Text, Entities, Encrypt, keys).Text;

        var relabelled = encrypted.Replace("<ENC:EMAIL_ADDRESS:", "<ENC:PERSON:", StringComparison.Ordinal);

        Assert.Throws<DeanonymizationException>(() => TextDeanonymizer.Decrypt(relabelled, keys.EncryptionKey));
    }

    [Theory]
    [InlineData("<ENC:EMAIL_ADDRESS:AAAA>")]
    [InlineData("<ENC:EMAIL_ADDRESS:A>")]
    public void Decrypt_OfATruncatedToken_Refuses(string token)
    {
        Assert.Throws<DeanonymizationException>(() => TextDeanonymizer.Decrypt("x " + token, TestKeys.For("acme").EncryptionKey));
    }

    [Theory]
    [InlineData("no tokens here")]
    [InlineData("<ENC: not a token> and <ENC:lower:abc>")]
    public void Decrypt_OfTextWithoutTokens_ReturnsItUnchanged(string text)
    {
        Assert.Equal(text, TextDeanonymizer.Decrypt(text, TestKeys.For("acme").EncryptionKey));
    }

    [Fact]
    public void Keys_OfTheWrongSize_AreRefused()
    {
        Assert.Throws<ArgumentException>(() => new AnonymizationKeys(new byte[32], new byte[16], SystemRandomSource.Instance));
        Assert.Throws<ArgumentException>(() => new AnonymizationKeys(new byte[8], new byte[32], SystemRandomSource.Instance));
    }
}

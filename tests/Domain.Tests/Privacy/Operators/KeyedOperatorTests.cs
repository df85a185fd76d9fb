using System.Text.RegularExpressions;
using Governance.Domain.Privacy;
using Governance.Domain.Privacy.Operators;

namespace Governance.Domain.Tests.Privacy.Operators;

public sealed partial class KeyedOperatorTests
{
    private static string AnonymizeOne(string value, string type, OperatorSpec spec, string tenant = "acme")
    {
        var text = "value: " + value;
        var result = TextAnonymizer.Anonymize(text, [new PiiEntity(type, 7, text.Length, 1, "test")], OperatorSet.All(spec), TestKeys.For(tenant));
        return result.Text[7..];
    }

    [Fact]
    public void Hash_GivesAnHmacTokenOf16HexByDefault()
    {
        var token = AnonymizeOne("jane.roe@example.com", "EMAIL_ADDRESS", new OperatorSpec(OperatorType.Hash));

        Assert.Matches(HashToken(), token);
        Assert.StartsWith("<EMAIL_ADDRESS:hmac:", token, StringComparison.Ordinal);
        Assert.Equal("<EMAIL_ADDRESS:hmac:".Length + 16 + 1, token.Length);
    }

    [Fact]
    public void Hash_IsDeterministicWithinATenantAndUnlinkableAcrossTenants()
    {
        var spec = new OperatorSpec(OperatorType.Hash);

        var first = AnonymizeOne("jane.roe@example.com", "EMAIL_ADDRESS", spec);
        var again = AnonymizeOne("jane.roe@example.com", "EMAIL_ADDRESS", spec);
        var otherValue = AnonymizeOne("john.roe@example.com", "EMAIL_ADDRESS", spec);
        var otherTenant = AnonymizeOne("jane.roe@example.com", "EMAIL_ADDRESS", spec, tenant: "other");

        Assert.Equal(first, again);
        Assert.NotEqual(first, otherValue);
        Assert.NotEqual(first, otherTenant);
    }

    [Theory]
    [InlineData("4111111111111111")]
    [InlineData("4111-1111-1111-1111")]
    [InlineData("4111\u200B1111 1111 1111")]
    [InlineData("４１１１ １１１１ １１１１ １１１１")]
    public void Hash_OfOneCardWrittenDifferently_IsOneToken(string card)
    {
        var spec = new OperatorSpec(OperatorType.Hash);

        Assert.Equal(AnonymizeOne("4111 1111 1111 1111", "CREDIT_CARD", spec), AnonymizeOne(card, "CREDIT_CARD", spec));
    }

    [Fact]
    public void Hash_WithALength_KeepsThatManyHexCharacters()
    {
        var token = AnonymizeOne("jane", "PERSON", new OperatorSpec(OperatorType.Hash) { HashLength = 64 });

        Assert.Equal("<PERSON:hmac:".Length + 64 + 1, token.Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => AnonymizeOne("jane", "PERSON", new OperatorSpec(OperatorType.Hash) { HashLength = 4 }));
    }

    [Theory]
    [InlineData("PERSON", "Jane Roe")]
    [InlineData("EMAIL_ADDRESS", "jane.roe@example.com")]
    [InlineData("PHONE_NUMBER", "+44 20 7946 0958")]
    [InlineData("CREDIT_CARD", "5425 2334 3010 9903")]
    [InlineData("US_SSN", "078-05-1120")]
    public void Pseudonym_IsConsistentWithinATenantAndDiffersAcrossTenants(string type, string value)
    {
        var spec = new OperatorSpec(OperatorType.Pseudonym);

        var first = AnonymizeOne(value, type, spec);

        Assert.Equal(first, AnonymizeOne(value, type, spec));
        Assert.NotEqual(value, first);
        // Small lists may collide for one pair of tenants; these fixed keys are checked not to.
        Assert.NotEqual(first, AnonymizeOne(value, type, spec, tenant: "other"));
    }

    [Fact]
    public void Pseudonym_HasTheShapeOfItsType()
    {
        var spec = new OperatorSpec(OperatorType.Pseudonym);

        Assert.Matches(NameShape(), AnonymizeOne("Jane Roe", "PERSON", spec));
        Assert.Matches(EmailShape(), AnonymizeOne("jane.roe@example.com", "EMAIL_ADDRESS", spec));
        Assert.Matches(PhoneShape(), AnonymizeOne("+44 20 7946 0958", "PHONE_NUMBER", spec));
        Assert.Matches(DefaultShape(), AnonymizeOne("078-05-1120", "US_SSN", spec));
        Assert.True(LuhnValid(AnonymizeOne("5425 2334 3010 9903", "CREDIT_CARD", spec)));
    }

    [Fact]
    public void Pseudonym_TestCardNumbers_AreAllLuhnValid()
    {
        var spec = new OperatorSpec(OperatorType.Pseudonym);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 200; i++)
        {
            seen.Add(AnonymizeOne($"4000 0000 0000 {i:0000}", "CREDIT_CARD", spec));
        }

        Assert.True(seen.Count > 5, "surrogates should spread over the list");
        Assert.All(seen, card => Assert.True(LuhnValid(card), card));
    }

    private static bool LuhnValid(string number)
    {
        var sum = 0;
        var doubleIt = false;
        for (var i = number.Length - 1; i >= 0; i--)
        {
            if (!char.IsAsciiDigit(number[i]))
            {
                continue;
            }

            var d = number[i] - '0';
            if (doubleIt && (d *= 2) > 9)
            {
                d -= 9;
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return sum % 10 == 0;
    }

    [GeneratedRegex("^<EMAIL_ADDRESS:hmac:[0-9a-f]{16}>$")]
    private static partial Regex HashToken();

    [GeneratedRegex("^[A-Z][a-z]+ [A-Z][a-zü]+$")]
    private static partial Regex NameShape();

    [GeneratedRegex("^user-[0-9a-f]{8}@example\\.com$")]
    private static partial Regex EmailShape();

    [GeneratedRegex("^\\+1 [0-9]{3} 555-01[0-9]{2}$")]
    private static partial Regex PhoneShape();

    [GeneratedRegex("^<US_SSN_[0-9a-f]{8}>$")]
    private static partial Regex DefaultShape();
}

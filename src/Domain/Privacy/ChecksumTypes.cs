namespace Governance.Domain.Privacy;

/// <summary>The built-in entity types whose recognizers accept a value only when its check digits or checksum are right.</summary>
public static class ChecksumTypes
{
    public static IReadOnlyList<string> All { get; } =
    [
        "CREDIT_CARD", "IBAN_CODE", "CRYPTO", "ABA_ROUTING_NUMBER", "UK_NHS", "DE_TAX_ID", "ES_NIF", "ES_NIE", "IN_AADHAAR", "IT_FISCAL_CODE",
        "FI_PERSONAL_IDENTITY_CODE",
    ];

    public static bool IsValidated(string entityType)
    {
        foreach (var type in All)
        {
            if (string.Equals(type, entityType, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}

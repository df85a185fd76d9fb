using Governance.Domain.Privacy.Patterns;

namespace Governance.Domain.Privacy.National;

/// <summary>The national-identifier recognizers, each validating its own check digits or issuing rules.</summary>
public static class NationalIdRecognizers
{
    public static IReadOnlyList<IPiiRecognizer> All { get; } =
    [
        new UsSsnRecognizer(),
        new UsItinRecognizer(),
        new AbaRoutingRecognizer(),
        new UkNhsRecognizer(),
        new UkNinoRecognizer(),
        new DeTaxIdRecognizer(),
        new EsNifRecognizer(),
        EsNifRecognizer.SevenDigits,
        new EsNieRecognizer(),
        new InAadhaarRecognizer(),
        InAadhaarRecognizer.ColonGrouped,
        new ItFiscalCodeRecognizer(),
        .. UsPatternRecognizers.All,
        .. AuPatternRecognizers.All,
        SgPatternRecognizers.NricFin,
        .. InPatternRecognizers.All,
        .. ItPatternRecognizers.All,
        PlPatternRecognizers.Pesel,
        FiPatternRecognizers.PersonalIdentityCode,
        KrPatternRecognizers.Rrn,
    ];
}

using System.Globalization;
using System.Text;
using Governance.Domain.Privacy;

namespace Governance.Api.Security;

/// <summary>
/// Whether two subjects name the same person, for four-eyes rules. Byte-for-byte comparison let
/// "CLI:ADMIN", "cli:admin " and "cli:ad\u200Bmin" count as three admins (issue 11). The product runs
/// with InvariantGlobalization, where string.Normalize leaves non-ASCII text as it is, so full-width
/// "ａｌｉｃｅ" slipped past this check and only the database trigger (migration 0010, real NFKC)
/// caught it, as a 503. Subjects are therefore read through the PII recognizers' folding
/// (<see cref="NormalizedText"/>: full-width and compatibility forms, Cyrillic/Greek look-alikes,
/// invisible characters), then lower-cased with whitespace, control and format characters removed.
/// That is stricter than the trigger (which does not fold look-alikes); whatever NFKC folds that this
/// does not, the trigger still refuses and the store reports as the same 403 (ADR-028).
/// </summary>
public static class SubjectIdentity
{
    public static string Normalize(string subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var folded = NormalizedText.Create(subject.Normalize(NormalizationForm.FormKC)).Text;
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            var category = char.GetUnicodeCategory(c);
            if (char.IsWhiteSpace(c) || category is UnicodeCategory.Format or UnicodeCategory.Control)
            {
                continue;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    public static bool Same(string a, string b) => string.Equals(Normalize(a), Normalize(b), StringComparison.Ordinal);
}

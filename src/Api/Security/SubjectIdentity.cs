using System.Globalization;
using System.Text;

namespace Governance.Api.Security;

/// <summary>
/// Whether two subjects name the same person, for four-eyes rules. Byte-for-byte comparison let
/// "CLI:ADMIN", "cli:admin " and "cli:ad\u200Bmin" count as three admins (issue 11): subjects are
/// compared after NFKC, lower-casing, and removing whitespace, control and format characters.
/// Migration 0010 applies the same rule in the database trigger.
/// </summary>
public static class SubjectIdentity
{
    public static string Normalize(string subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var folded = subject.Normalize(NormalizationForm.FormKC);
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

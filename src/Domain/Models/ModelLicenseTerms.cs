using System.Text.RegularExpressions;

namespace Governance.Domain.Models;

/// <summary>
/// The license terms a model is offered under (the manifest's <c>license</c>). <see cref="Id"/>,
/// <see cref="Commercial"/> and <see cref="Purposes"/> are policy attributes (model.license.*);
/// <see cref="Licensor"/> and <see cref="Expires"/> are recorded for people and audits.
/// </summary>
public sealed partial record ModelLicenseTerms(
    string Id,
    bool? Commercial,
    string? Licensor = null,
    IReadOnlyList<string>? Purposes = null,
    DateOnly? Expires = null)
{
    /// <summary>Every problem with the terms, worded for an admin; empty when they are fine.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Id is null || !Token().IsMatch(Id))
        {
            problems.Add("License id must be 1-64 characters of a-z, A-Z, 0-9, '.', '_', '-' (e.g. 'apache-2.0', 'acme-eula-3').");
        }

        if (Commercial is null)
        {
            problems.Add("License commercial (true or false) is required: policies decide on it.");
        }

        if (Licensor is not null && (string.IsNullOrWhiteSpace(Licensor) || Licensor.Length > 200))
        {
            problems.Add("License licensor must be 1-200 characters when given.");
        }

        if (Purposes is not null)
        {
            if (Purposes.Count > 50 || Purposes.Any(p => p is null || !Purpose().IsMatch(p)))
            {
                problems.Add("License purposes must be at most 50 lower-case names of a-z, 0-9, '.', '_', '-' (the values sent as X-Purpose).");
            }
            else if (Purposes.Distinct(StringComparer.Ordinal).Count() != Purposes.Count)
            {
                problems.Add("License purposes must be unique.");
            }
        }

        return problems;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex Token();

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,99}$")]
    private static partial Regex Purpose();
}

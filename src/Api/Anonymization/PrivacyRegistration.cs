using Governance.Api.Configuration;
using Governance.Domain.Privacy;
using Governance.Domain.Privacy.Operators;
using Governance.Installation.Configuration;
using Governance.Installation.Privacy;
using Microsoft.Extensions.Options;

namespace Governance.Api.Anonymization;

public static class PrivacyRegistration
{
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<GovernanceOptions>, PrivacyOptionsValidator>();
        services.AddSingleton<IRandomSource>(SystemRandomSource.Instance);
        services.AddSingleton(_ => PiiEngine.CreateDefault());
        services.AddSingleton(sp => TenantKeyring.LoadOrCreate(
            sp.GetRequiredService<IOptions<GovernanceOptions>>().Value.Privacy.MasterKeyFile, sp.GetRequiredService<IRandomSource>()));
        services.AddScoped<ModelAnonymizer>();
        return services;
    }
}

/// <summary>Refuses to start with a privacy setting that would leave inputs unprotected by mistake.</summary>
public sealed class PrivacyOptionsValidator : IValidateOptions<GovernanceOptions>
{
    public ValidateOptionsResult Validate(string? name, GovernanceOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Privacy.MasterKeyFile))
        {
            failures.Add("Governance:Privacy:MasterKeyFile is required.");
        }

        foreach (var (model, settings) in options.Privacy.Models)
        {
            var op = settings.Operator;
            if (!OperatorNames.TryParse(op, out _) && !string.Equals(op, PrivacyOptions.NoOperator, StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"Governance:Privacy:Models:{model}:Operator '{op}' is not one of {string.Join(", ", OperatorNames.All)} or none.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

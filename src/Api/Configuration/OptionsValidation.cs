using Microsoft.Extensions.Options;

namespace Governance.Api.Configuration;

/// <summary>Refuses to start with settings that would run insecurely or not at all.</summary>
public sealed class GovernanceOptionsValidator : IValidateOptions<GovernanceOptions>
{
    public ValidateOptionsResult Validate(string? name, GovernanceOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Database.AppConnectionString))
        {
            failures.Add("Governance:Database:AppConnectionString is required (run eng/postgres/up.sh for a local database).");
        }

        if (options.Database.MigrateOnStart && string.IsNullOrWhiteSpace(options.Database.OwnerConnectionString))
        {
            failures.Add("Governance:Database:OwnerConnectionString is required when MigrateOnStart is true.");
        }

        var auth = options.Auth;
        if (string.IsNullOrWhiteSpace(auth.Issuer) || string.IsNullOrWhiteSpace(auth.Audience))
        {
            failures.Add("Governance:Auth:Issuer and Governance:Auth:Audience are required.");
        }

        if (string.IsNullOrWhiteSpace(auth.SigningKeyFile))
        {
            failures.Add("Governance:Auth:SigningKeyFile is required.");
        }

        if (auth.Authority is not null && !Uri.TryCreate(auth.Authority, UriKind.Absolute, out _))
        {
            failures.Add("Governance:Auth:Authority must be an absolute URI.");
        }

        if (auth.TokenLifetimeMinutes is < 1 or > 24 * 60 || auth.ClockSkewSeconds is < 0 or > 300)
        {
            failures.Add("Governance:Auth:TokenLifetimeMinutes must be 1..1440 and ClockSkewSeconds 0..300.");
        }

        if (auth.MaxTokenLifetimeMinutes < auth.TokenLifetimeMinutes || auth.MaxTokenLifetimeMinutes > 7 * 24 * 60)
        {
            failures.Add("Governance:Auth:MaxTokenLifetimeMinutes must be at least TokenLifetimeMinutes and at most 10080 (a week).");
        }

        if (auth.TokenCache.MaxEntries is < 1 or > 1_000_000 || auth.TokenCache.Lifetime <= TimeSpan.Zero || auth.TokenCache.Lifetime > TimeSpan.FromHours(1))
        {
            failures.Add("Governance:Auth:TokenCache:MaxEntries must be 1..1000000 and Lifetime above zero and at most 01:00:00.");
        }

        if (string.IsNullOrWhiteSpace(options.Models.StorePath))
        {
            failures.Add("Governance:Models:StorePath is required.");
        }

        if (options.Models.ReconcileIntervalMilliseconds < 10)
        {
            failures.Add("Governance:Models:ReconcileIntervalMilliseconds must be at least 10.");
        }

        Composition.AuditRegistration.Validate(options.Audit, failures);
        failures.AddRange(options.RemoteBackends.Problems().Select(p => "Governance:" + p));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

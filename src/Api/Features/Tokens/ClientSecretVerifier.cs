using System.Diagnostics.Metrics;
using System.Threading.RateLimiting;
using Governance.Api.Errors;
using Governance.Api.Security;
using Microsoft.Extensions.Options;

namespace Governance.Api.Features.Tokens;

/// <summary>
/// Checks a client secret with the same work whether or not the client id exists: an unknown id is
/// verified against a dummy hash of the same strength, so the answer time does not tell ids apart.
/// Hashing is the expensive part of /connect/token, so only a few run at once; a flood of wrong
/// secrets then waits in a short queue or gets 429 instead of taking every core from other tenants.
/// </summary>
public sealed class ClientSecretVerifier : IDisposable
{
    public const string MeterName = "Governance.Api.Tokens";
    public const string VerificationsInstrument = "governance.token.secret_verifications";

    private readonly string _dummyHash = ClientSecretHasher.Hash(ClientSecretHasher.NewSecret());
    private readonly ConcurrencyLimiter _hashing;
    private readonly Counter<long> _verifications;

    public ClientSecretVerifier(IOptions<TokenThrottleOptions> options, IMeterFactory meters)
    {
        _hashing = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = Math.Max(1, options.Value.MaxConcurrentVerifications),
            QueueLimit = Math.Max(0, options.Value.VerificationQueue),
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        _verifications = meters.Create(MeterName).CreateCounter<long>(VerificationsInstrument, description: "Client secrets hashed and compared");
    }

    /// <summary>True only when <paramref name="storedHash"/> exists and the secret matches it.</summary>
    public async Task<bool> VerifyAsync(string? secret, string? storedHash, CancellationToken cancellationToken)
    {
        using var lease = await _hashing.AcquireAsync(1, cancellationToken);
        if (!lease.IsAcquired)
        {
            throw new RateLimitedException(TimeSpan.FromSeconds(1), "Too many token requests at once; try again shortly.");
        }

        _verifications.Add(1);
        var matches = ClientSecretHasher.Verify(secret ?? "", storedHash ?? _dummyHash);
        return matches && storedHash is not null;
    }

    public void Dispose() => _hashing.Dispose();
}

using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Governance.Installation.Configuration;
using Microsoft.IdentityModel.Tokens;

namespace Governance.Api.Security;

/// <summary>
/// Tokens that passed every check, keyed by the SHA-256 of their exact bytes, so a client's next call with
/// the same token skips the ECDSA verify. An entry lives until the token's expiry (plus the clock skew the
/// validation allows) or <see cref="TokenCacheOptions.Lifetime"/>, whichever comes first, and is checked at
/// each use. A change in the set of signing keys (JWKS refresh, rotation, a key withdrawn) empties the
/// cache, so no token is accepted on a key that is no longer trusted. Full: nothing more is cached until
/// entries expire; tokens beyond the bound are simply validated in full.
/// </summary>
public sealed class ValidatedTokenCache(TimeProvider time, TokenCacheOptions options)
{
    private readonly ConcurrentDictionary<TokenHash, Entry> _entries = new();
    private readonly ConditionalWeakTable<SecurityKey, string> _thumbprints = new();
    private readonly Lock _generationLock = new();
    private string _keySet = "";

    public int Count => _entries.Count;

    /// <summary>A copy of the cached result when the token is cached, unexpired and the keys are unchanged.</summary>
    public TokenValidationResult? TryGet(string token, TokenValidationParameters parameters)
    {
        if (!options.Enabled || _entries.IsEmpty)
        {
            return null;
        }

        Rekey(parameters);
        var hash = TokenHash.Of(token);
        if (!_entries.TryGetValue(hash, out var entry))
        {
            return null;
        }

        if (time.GetUtcNow() >= entry.Until)
        {
            _entries.TryRemove(hash, out _);
            return null;
        }

        // A fresh identity per call: the bearer handler and its events may add claims to the one they get.
        return new TokenValidationResult
        {
            IsValid = true,
            ClaimsIdentity = entry.Result.ClaimsIdentity.Clone(),
            SecurityToken = entry.Result.SecurityToken,
            TokenType = entry.Result.TokenType,
            Issuer = entry.Result.Issuer,
        };
    }

    /// <summary>Keeps a result that passed every check, for the token's remaining life within the bound.</summary>
    public void Add(string token, TokenValidationParameters parameters, TokenValidationResult result, DateTime validTo)
    {
        if (!options.Enabled || !result.IsValid)
        {
            return;
        }

        Rekey(parameters);
        var now = time.GetUtcNow();
        var until = new DateTimeOffset(DateTime.SpecifyKind(validTo, DateTimeKind.Utc)) + parameters.ClockSkew;
        if (now + options.Lifetime < until)
        {
            until = now + options.Lifetime;
        }

        if (until <= now || (_entries.Count >= options.MaxEntries && !MadeRoom(now)))
        {
            return;
        }

        _entries[TokenHash.Of(token)] = new Entry(result, until);
    }

    private bool MadeRoom(DateTimeOffset now)
    {
        foreach (var (hash, entry) in _entries)
        {
            if (now >= entry.Until)
            {
                _entries.TryRemove(hash, out _);
            }
        }

        return _entries.Count < options.MaxEntries;
    }

    // The keys a token may be signed with, as one comparable string of thumbprints (computed once per key object).
    private void Rekey(TokenValidationParameters parameters)
    {
        var current = KeySetOf(parameters);
        if (string.Equals(current, Volatile.Read(ref _keySet), StringComparison.Ordinal))
        {
            return;
        }

        lock (_generationLock)
        {
            if (!string.Equals(current, _keySet, StringComparison.Ordinal))
            {
                _entries.Clear();
                Volatile.Write(ref _keySet, current);
            }
        }
    }

    private string KeySetOf(TokenValidationParameters parameters)
    {
        var thumbprints = new List<string>();
        if (parameters.IssuerSigningKey is { } single)
        {
            thumbprints.Add(Thumbprint(single));
        }

        foreach (var key in parameters.IssuerSigningKeys ?? [])
        {
            thumbprints.Add(Thumbprint(key));
        }

        thumbprints.Sort(StringComparer.Ordinal);
        return string.Join(',', thumbprints);
    }

    // A key whose material cannot be thumbprinted counts as new whenever its object is: a needless miss, never a wrong hit.
    private string Thumbprint(SecurityKey key) => _thumbprints.GetValue(key, static k =>
        k.CanComputeJwkThumbprint() ? Base64UrlEncoder.Encode(k.ComputeJwkThumbprint()) : Guid.NewGuid().ToString("N"));

    private sealed record Entry(TokenValidationResult Result, DateTimeOffset Until);

    private readonly record struct TokenHash(ulong A, ulong B, ulong C, ulong D)
    {
        public static TokenHash Of(string token)
        {
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            var bytes = Encoding.UTF8.GetByteCount(token);
            var buffer = bytes <= 4096 ? stackalloc byte[bytes] : new byte[bytes];
            Encoding.UTF8.GetBytes(token, buffer);
            SHA256.HashData(buffer, hash);
            var words = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ulong>(hash);
            return new TokenHash(words[0], words[1], words[2], words[3]);
        }
    }
}

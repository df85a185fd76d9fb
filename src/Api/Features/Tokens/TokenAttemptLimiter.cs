using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Governance.Api.Features.Tokens;

/// <summary>
/// Counts failed client authentications per client id and per source address. Past the limit within
/// the window the key is locked out, and each lock-out in a row doubles the wait. It is asked before
/// any secret is hashed, so a locked-out flood costs one dictionary look-up per call. Unknown client
/// ids are counted exactly like known ones: the throttle must not reveal which ids exist.
/// </summary>
public sealed class TokenAttemptLimiter(IOptions<TokenThrottleOptions> options, TimeProvider time)
{
    // Past this many keys, expired ones are swept; the per-source limit caps how fast one address adds keys.
    private const int SweepThreshold = 100_000;

    private readonly ConcurrentDictionary<string, Attempts> _keys = new(StringComparer.Ordinal);

    /// <summary>How long the caller must wait, or null when neither its client id nor its source is locked.</summary>
    public TimeSpan? RetryAfter(string? clientId, string source)
    {
        var now = time.GetUtcNow();
        var byClient = clientId is null ? null : Lookup(ClientKey(clientId))?.LockedFor(now);
        var bySource = Lookup(SourceKey(source))?.LockedFor(now);
        return byClient > bySource || bySource is null ? byClient : bySource;
    }

    public void RecordFailure(string? clientId, string source)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        if (clientId is not null)
        {
            Track(ClientKey(clientId)).Fail(now, o.MaxFailuresPerClient, o);
        }

        Track(SourceKey(source)).Fail(now, o.MaxFailuresPerSource, o);
    }

    /// <summary>The client proved its secret: its own count starts again (its source's does not).</summary>
    public void RecordSuccess(string clientId) => _keys.TryRemove(ClientKey(clientId), out _);

    private Attempts? Lookup(string key) => _keys.TryGetValue(key, out var attempts) ? attempts : null;

    private Attempts Track(string key)
    {
        if (_keys.Count >= SweepThreshold)
        {
            Sweep(time.GetUtcNow());
        }

        return _keys.GetOrAdd(key, static _ => new Attempts());
    }

    private void Sweep(DateTimeOffset now)
    {
        var horizon = TimeSpan.FromSeconds(Math.Max(options.Value.WindowSeconds, options.Value.MaxLockoutSeconds));
        foreach (var (key, attempts) in _keys)
        {
            if (attempts.IdleSince(now) > horizon)
            {
                _keys.TryRemove(key, out _);
            }
        }
    }

    private static string ClientKey(string clientId) => "client\n" + clientId;

    private static string SourceKey(string source) => "source\n" + source;

    private sealed class Attempts
    {
        private readonly Lock _gate = new();
        private int _failures;
        private int _lockouts;
        private DateTimeOffset _windowStart;
        private DateTimeOffset _lockedUntil;
        private DateTimeOffset _lastSeen;

        public TimeSpan? LockedFor(DateTimeOffset now)
        {
            lock (_gate)
            {
                return _lockedUntil > now ? _lockedUntil - now : null;
            }
        }

        public TimeSpan IdleSince(DateTimeOffset now)
        {
            lock (_gate)
            {
                return now - (_lockedUntil > _lastSeen ? _lockedUntil : _lastSeen);
            }
        }

        public void Fail(DateTimeOffset now, int limit, TokenThrottleOptions o)
        {
            lock (_gate)
            {
                // A key quiet for a whole maximum lock-out has served its time: the doubling starts over.
                if (now - _lastSeen > TimeSpan.FromSeconds(o.MaxLockoutSeconds) && _lockedUntil < now)
                {
                    _lockouts = 0;
                }

                _lastSeen = now;
                if (now - _windowStart > TimeSpan.FromSeconds(o.WindowSeconds))
                {
                    _windowStart = now;
                    _failures = 0;
                }

                if (++_failures < limit)
                {
                    return;
                }

                var seconds = Math.Min((double)o.MaxLockoutSeconds, o.LockoutSeconds * Math.Pow(2, Math.Min(_lockouts, 30)));
                _lockedUntil = now + TimeSpan.FromSeconds(seconds);
                _lockouts++;
                _failures = 0;
                _windowStart = _lockedUntil;
            }
        }
    }
}

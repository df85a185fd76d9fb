using System.Security.Cryptography;

namespace Governance.Domain.Privacy.Operators;

/// <summary>Where nonces come from; injected so tests can make encryption deterministic.</summary>
public interface IRandomSource
{
    void Fill(Span<byte> destination);
}

/// <summary>The operating system's CSPRNG: the only source production code should use.</summary>
public sealed class SystemRandomSource : IRandomSource
{
    public static readonly SystemRandomSource Instance = new();

    private SystemRandomSource()
    {
    }

    public void Fill(Span<byte> destination) => RandomNumberGenerator.Fill(destination);
}

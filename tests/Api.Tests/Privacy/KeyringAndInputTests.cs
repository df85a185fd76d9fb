using System.Security.Cryptography;
using System.Text;
using Governance.Api.Anonymization;
using Governance.Api.Configuration;
using Governance.Api.PolicyEngine;
using Governance.Domain.Privacy;
using Governance.Domain.Privacy.Operators;
using Governance.Installation.Configuration;
using Governance.Installation.Privacy;
using Microsoft.Extensions.Options;

namespace Governance.Api.Tests.Privacy;

/// <summary>The keyring and the per-model input anonymizer, without HTTP (they have no HTTP surface of their own).</summary>
public sealed class KeyringAndInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("governance-privacy-").FullName;

    private string KeyFile => Path.Combine(_dir, "nested", "privacy-master.key");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void LoadOrCreate_OnFirstUse_Writes32RandomBytesReadableByTheOwnerOnly()
    {
        TenantKeyring.LoadOrCreate(KeyFile, SystemRandomSource.Instance);

        Assert.Equal(32, File.ReadAllBytes(KeyFile).Length);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyFile));
        }
    }

    [Fact]
    public void For_DerivesTheTenantsKeysWithHkdfFromTheMasterKey_AndKeepsThemAcrossLoads()
    {
        var first = TenantKeyring.LoadOrCreate(KeyFile, SystemRandomSource.Instance).For("acme");
        var master = File.ReadAllBytes(KeyFile);

        var expectedHmac = HKDF.DeriveKey(HashAlgorithmName.SHA256, master, 32, [], Encoding.UTF8.GetBytes("governance/hmac/acme"));
        var expectedData = HKDF.DeriveKey(HashAlgorithmName.SHA256, master, 32, [], Encoding.UTF8.GetBytes("governance/data/acme"));
        Assert.Equal(expectedHmac, first.HmacKey);
        Assert.Equal(expectedData, first.EncryptionKey);
        Assert.Equal(first.HmacKey, TenantKeyring.LoadOrCreate(KeyFile, SystemRandomSource.Instance).For("acme").HmacKey);
        Assert.NotEqual(first.HmacKey, TenantKeyring.LoadOrCreate(KeyFile, SystemRandomSource.Instance).For("other").HmacKey);
    }

    [Fact]
    public void LoadOrCreate_OfAFileOfTheWrongSize_Refuses()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(KeyFile)!);
        File.WriteAllBytes(KeyFile, new byte[16]);

        var ex = Assert.Throws<InvalidOperationException>(() => TenantKeyring.LoadOrCreate(KeyFile, SystemRandomSource.Instance));
        Assert.Contains("exactly 32", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "Call +44 20 7946 0958 or jane.roe@example.com", "Call <PHONE_NUMBER> or <EMAIL_ADDRESS>")]
    [InlineData("redact", "Mail jane.roe@example.com now", "Mail  now")]
    [InlineData("none", "Mail jane.roe@example.com now", "Mail jane.roe@example.com now")]
    public void Apply_UsesTheModelsConfiguredOperator(string? configured, string text, string expected)
    {
        var options = new GovernanceOptions { Privacy = new PrivacyOptions { MasterKeyFile = KeyFile } };
        if (configured is not null)
        {
            options.Privacy.Models["support-intent"] = new ModelPrivacyOptions { Operator = configured };
        }

        var anonymizer = new ModelAnonymizer(new PolicyDecisionScope(), PiiEngine.CreateDefault(), TenantKeyring.LoadOrCreate(KeyFile, SystemRandomSource.Instance), Options.Create(options));

        var input = anonymizer.Apply("support-intent", "acme", text);

        Assert.Equal(expected, input.Text);
        Assert.Equal(configured == "none" ? 0 : 1, input.Anonymized.Count(a => a.EntityType == "EMAIL_ADDRESS"));
    }

    [Fact]
    public void Validator_RefusesAnUnknownConfiguredOperator()
    {
        var options = new GovernanceOptions { Privacy = new PrivacyOptions { MasterKeyFile = KeyFile } };
        options.Privacy.Models["support-intent"] = new ModelPrivacyOptions { Operator = "shred" };

        var result = new PrivacyOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("shred", result.FailureMessage, StringComparison.Ordinal);
    }
}

using Governance.Testing;

namespace Governance.Audit.Tests;

public sealed class EnvFileTests
{
    [Fact]
    public void Parse_KeepsEqualsAndSemicolonsInValues_AndSkipsComments()
    {
        var values = EnvFile.Parse(
        [
            "# comment",
            "",
            "GOVERNANCE_DB_OWNER=Host=127.0.0.1;Port=55432;Password=a=b",
            "QUOTED='x;y'",
        ]);

        Assert.Equal("Host=127.0.0.1;Port=55432;Password=a=b", values["GOVERNANCE_DB_OWNER"]);
        Assert.Equal("x;y", values["QUOTED"]);
        Assert.Equal(2, values.Count);
    }
}

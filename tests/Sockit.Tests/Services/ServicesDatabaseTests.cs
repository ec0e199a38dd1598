using Sockit.Services;

namespace Sockit.Tests.Services;

public sealed class ServicesDatabaseTests
{
    private static readonly ServicesDatabase s_database = ServicesDatabase.FromText("""
        domain  53/tcp
        domain  53/udp
        http    80/tcp  www
        alt     80/tcp  other
        kerberos 88/udp kerberos5 krb5
        kerberos 88/tcp kerberos5 krb5
        """, new ServicesSource("test"));

    [Fact]
    public void GetByName_WithoutProtocol_ReturnsFirstEntryOfAnyProtocol()
    {
        var entry = s_database.GetByName("kerberos");
        Assert.Equal(("kerberos", 88, "udp"), (entry.Name, entry.Port, entry.Protocol));
    }

    [Fact]
    public void GetByName_Alias_ReturnsOfficialEntry()
    {
        Assert.Equal("http", s_database.GetByName("www", "tcp").Name);
    }

    [Fact]
    public void GetByPort_SeveralNames_FirstInFileWins()
    {
        Assert.Equal("http", s_database.GetByPort(80).Name);
    }

    [Fact]
    public void GetByPort_WithProtocol_MatchesThatProtocol()
    {
        Assert.Equal("tcp", s_database.GetByPort(88, "tcp").Protocol);
    }

    [Fact]
    public void GetByName_Unknown_ThrowsLookupExceptionNotFound()
    {
        var e = Assert.Throws<LookupException>(() => s_database.GetByName("nope", "tcp"));
        Assert.Equal(SockitFailure.NotFound, e.Failure);
        Assert.Equal("service 'nope' not found for tcp", e.Message);
    }

    [Fact]
    public void GetByName_NameIsCaseSensitive_AsGlibc()
    {
        Assert.Throws<LookupException>(() => s_database.GetByName("HTTP"));
    }

    [Fact]
    public void FindByPort_OutOfRange_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => s_database.FindByPort(65536));
    }

    [Fact]
    public void List_OneProtocol_FiltersEntries()
    {
        Assert.Equal(["domain", "kerberos"], s_database.List("udp").Select(e => e.Name));
    }

    [Fact]
    public void LoadSystem_MissingFile_FallsBackToEmbeddedCopy()
    {
        var database = ServicesDatabase.LoadSystem(Path.Combine(Path.GetTempPath(), $"no-such-services-{Guid.NewGuid():N}"));
        Assert.True(database.Source.IsEmbedded);
        Assert.Equal(22, database.GetByName("ssh", "tcp").Port);
        Assert.Equal("http", database.GetByPort(80, "tcp").Name);
    }

    [Fact]
    public void LoadEmbedded_HasTheWholeList()
    {
        Assert.True(ServicesDatabase.LoadEmbedded().Entries.Count > 300);
    }

    [Fact]
    public void LoadFile_Missing_ThrowsFileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => ServicesDatabase.LoadFile("/no/such/services"));
    }
}

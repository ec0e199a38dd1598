using Sockit.Testing;

namespace Sockit.Tests.Services;

public sealed class PyServicesTests
{
    [Fact]
    public async Task GetServByName_Ssh_EqualsPython()
    {
        var expected = await Python.RunAsync("import socket; print(socket.getservbyname('ssh'))");
        Assert.Equal(expected.Trim(), Py.GetServByName("ssh").ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task GetServByPort_80_EqualsPython()
    {
        var expected = await Python.RunAsync("import socket; print(socket.getservbyport(80))");
        Assert.Equal(expected.Trim(), Py.GetServByPort(80));
    }

    [Fact]
    public void GetServByName_Unknown_ThrowsLookupException()
    {
        Assert.Equal(SockitFailure.NotFound, Assert.Throws<LookupException>(() => Py.GetServByName("no-such-service")).Failure);
    }
}

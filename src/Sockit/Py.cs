using Sockit.Services;

namespace Sockit;

/// <summary>
/// The sockit library under the names of Python's <c>socket</c> module, for people coming from the lesson:
/// <c>socket.getservbyname('ssh')</c> is <c>Py.GetServByName("ssh")</c>. Each area adds its functions in a
/// <c>Py.*.cs</c> file of its own; the typed APIs behind them are the ones to use in new code.
/// </summary>
public static partial class Py
{
    /// <summary><c>socket.getservbyname(name[, protocolname])</c>: the port of a service, from the OS's database.</summary>
    public static int GetServByName(string serviceName, string? protocolName = null) =>
        ServicesDatabase.System.GetByName(serviceName, protocolName).Port;

    /// <summary><c>socket.getservbyport(port[, protocolname])</c>: the name of the service on a port.</summary>
    public static string GetServByPort(int port, string? protocolName = null) =>
        ServicesDatabase.System.GetByPort(port, protocolName).Name;
}

namespace Sockit.Cli.Commands;

/// <summary><c>sockit service</c>'s command line, checked.</summary>
/// <param name="Mode">Lookup by name, by port, or the list.</param>
/// <param name="Name">The service name or alias (<see cref="ServiceMode.ByName"/>).</param>
/// <param name="Port">The port, 0-65535 (<see cref="ServiceMode.ByPort"/>).</param>
/// <param name="Protocol">The protocol to match, or null for the first entry of any.</param>
/// <param name="FilePath">The services file to read, or null for the OS's.</param>
internal sealed record ServiceArguments(ServiceMode Mode, string? Name, int Port, string? Protocol, string? FilePath);

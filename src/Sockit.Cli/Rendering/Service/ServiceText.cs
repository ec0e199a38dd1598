using Sockit.Services;

namespace Sockit.Cli.Rendering;

/// <summary>One service entry as a line of text, shared by the lookup and the listing.</summary>
internal static class ServiceText
{
    /// <summary>The layout of <c>getent services</c>: name padded to 21 columns, port/protocol, aliases.</summary>
    public static string Line(ServiceEntry entry) =>
        $"{entry.Name,-21} {entry.Port}/{entry.Protocol} {string.Join(' ', entry.Aliases)}".TrimEnd();
}

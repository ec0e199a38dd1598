using Sockit.Naming;

namespace Sockit.Cli.Rendering;

/// <summary>A host entry's three lines of text, shared by the OS resolver's and a DNS server's answers.</summary>
internal static class HostEntryText
{
    public static void Write(HostEntry entry, TextWriter output)
    {
        output.WriteLine($"name       {entry.Name}");
        output.WriteLine($"aliases    {(entry.Aliases.Count == 0 ? "(none)" : string.Join(' ', entry.Aliases))}");
        output.WriteLine($"addresses  {string.Join(' ', entry.Addresses)}");
    }
}

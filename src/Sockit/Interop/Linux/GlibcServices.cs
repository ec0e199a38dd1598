using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Sockit.Interop.Linux;

/// <summary>
/// glibc's services database through NSS (<c>getservbyname_r</c>, <c>getservbyport_r</c>, <c>getservent_r</c>): the
/// answers Python gets on the same machine, from every source nsswitch.conf names, not only /etc/services.
/// </summary>
internal static unsafe partial class GlibcServices
{
    private const string Library = "libc";
    private const int Erange = 34;

    [StructLayout(LayoutKind.Sequential)]
    private struct ServEnt
    {
        public byte* Name;
        public byte** Aliases;
        public int Port; // network byte order in the low 16 bits
        public byte* Protocol;
    }

    /// <summary>Whether this process can ask glibc (Linux with glibc's reentrant calls).</summary>
    public static bool IsAvailable { get; } = OperatingSystem.IsLinux() && NativeLibrary.TryLoad(Library, out var handle)
        && NativeLibrary.TryGetExport(handle, "getservbyname_r", out _) && NativeLibrary.TryGetExport(handle, "getservent_r", out _);

    public static OsServiceEntry? ByName(string name, string? protocol) =>
        Call((entry, buffer, length, result) => GetServByNameR(name, protocol, entry, buffer, length, result));

    public static OsServiceEntry? ByPort(int port, string? protocol) =>
        Call((entry, buffer, length, result) => GetServByPortR(BinaryPrimitives.ReverseEndianness((ushort)port), protocol, entry, buffer, length, result));

    /// <summary>Every entry, as <c>getservent</c> walks them (setservent first, endservent after).</summary>
    public static IReadOnlyList<OsServiceEntry> All()
    {
        var entries = new List<OsServiceEntry>();
        SetServEnt(0);
        try
        {
            while (Call((entry, buffer, length, result) => GetServEntR(entry, buffer, length, result)) is { } next)
            {
                entries.Add(next);
            }
        }
        finally
        {
            EndServEnt();
        }
        return entries;
    }

    private delegate int Lookup(ServEnt* entry, byte* buffer, nuint length, ServEnt** result);

    private static OsServiceEntry? Call(Lookup lookup)
    {
        for (var size = 1024; size <= 1 << 20; size *= 4)
        {
            var buffer = new byte[size];
            ServEnt entry;
            ServEnt* result = null;
            int code;
            fixed (byte* b = buffer)
            {
                code = lookup(&entry, b, (nuint)size, &result);
                if (code == 0 && result is not null)
                {
                    return Read(result);
                }
            }
            if (code != Erange)
            {
                return null;
            }
        }
        return null;
    }

    private static OsServiceEntry Read(ServEnt* entry)
    {
        var aliases = new List<string>();
        for (var alias = entry->Aliases; alias is not null && *alias is not null; alias++)
        {
            aliases.Add(LibC.Utf8(*alias)!);
        }
        return new OsServiceEntry(LibC.Utf8(entry->Name)!, aliases, BinaryPrimitives.ReverseEndianness((ushort)entry->Port), LibC.Utf8(entry->Protocol)!);
    }

    [LibraryImport(Library, EntryPoint = "getservbyname_r", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int GetServByNameR(string name, string? protocol, ServEnt* entry, byte* buffer, nuint length, ServEnt** result);

    [LibraryImport(Library, EntryPoint = "getservbyport_r", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int GetServByPortR(int port, string? protocol, ServEnt* entry, byte* buffer, nuint length, ServEnt** result);

    [LibraryImport(Library, EntryPoint = "setservent")]
    private static partial void SetServEnt(int stayOpen);

    [LibraryImport(Library, EntryPoint = "getservent_r")]
    private static partial int GetServEntR(ServEnt* entry, byte* buffer, nuint length, ServEnt** result);

    [LibraryImport(Library, EntryPoint = "endservent")]
    private static partial void EndServEnt();
}

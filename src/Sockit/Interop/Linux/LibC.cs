using System.Runtime.InteropServices;

namespace Sockit.Interop.Linux;

/// <summary>glibc's resolver and socket-address calls, as sockit needs them on Linux (LibraryImport: no runtime marshalling, AOT-safe).</summary>
internal static unsafe partial class LibC
{
    private const string Library = "libc";

    // glibc's struct addrinfo on 64-bit Linux: note ai_addr comes before ai_canonname (the BSDs have them the other way round).
    [StructLayout(LayoutKind.Sequential)]
    internal struct AddrInfo
    {
        public int Flags;
        public int Family;
        public int SocketType;
        public int Protocol;
        public uint AddressLength;
        public byte* Address;
        public byte* CanonicalName;
        public AddrInfo* Next;
    }

    // struct hostent.
    [StructLayout(LayoutKind.Sequential)]
    internal struct HostEnt
    {
        public byte* Name;
        public byte** Aliases;
        public int AddressType;
        public int Length;
        public byte** Addresses;
    }

    [LibraryImport(Library, EntryPoint = "getaddrinfo", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int GetAddrInfo(string? node, string? service, AddrInfo* hints, AddrInfo** result);

    [LibraryImport(Library, EntryPoint = "freeaddrinfo")]
    internal static partial void FreeAddrInfo(AddrInfo* info);

    [LibraryImport(Library, EntryPoint = "gai_strerror")]
    internal static partial byte* GaiStrError(int code);

    [LibraryImport(Library, EntryPoint = "gethostbyname_r", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int GetHostByNameR(string name, HostEnt* entry, byte* buffer, nuint length, HostEnt** result, int* hostErrno);

    [LibraryImport(Library, EntryPoint = "gethostbyaddr_r")]
    internal static partial int GetHostByAddrR(byte* address, uint length, int type, HostEnt* entry, byte* buffer, nuint bufferLength, HostEnt** result, int* hostErrno);

    [LibraryImport(Library, EntryPoint = "hstrerror")]
    internal static partial byte* HStrError(int code);

    [LibraryImport(Library, EntryPoint = "gethostname", SetLastError = true)]
    internal static partial int GetHostName(byte* name, nuint length);

    [LibraryImport(Library, EntryPoint = "getsockname", SetLastError = true)]
    internal static partial int GetSockName(int fd, byte* address, uint* length);

    [LibraryImport(Library, EntryPoint = "getpeername", SetLastError = true)]
    internal static partial int GetPeerName(int fd, byte* address, uint* length);

    [LibraryImport(Library, EntryPoint = "if_nametoindex", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial uint IfNameToIndex(string name);

    internal static string? Utf8(byte* text) => text is null ? null : Marshal.PtrToStringUTF8((nint)text);
}

using System.Runtime.Versioning;

// The program is for Linux: its names, sockets and constants commands call the library's glibc-backed lookups,
// which are marked [SupportedOSPlatform("linux")]. It also builds for macOS and Windows (README, "What works where").
[assembly: SupportedOSPlatform("linux")]

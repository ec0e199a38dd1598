using System.Runtime.Versioning;

// The tests run on Linux only: they call the library's glibc-backed lookups and compare them with glibc's own tools.
[assembly: SupportedOSPlatform("linux")]

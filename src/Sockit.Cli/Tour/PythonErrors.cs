using System.Net.Sockets;

namespace Sockit.Cli.Tour;

/// <summary>
/// How Python's socket module reports the same failure as a .NET <see cref="SocketException"/> or a sockit failure:
/// its exception class and message, the form the tour compares with python3's.
/// </summary>
internal static class PythonErrors
{
    // glibc's EAI_ codes, which Python's gaierror carries as its errno.
    private const int EaiNoName = -2;
    private const int EaiService = -8;

    /// <summary>The exception line Python prints for an OS error: <c>ConnectionRefusedError: [Errno 111] Connection refused</c>.</summary>
    public static string Of(SocketException e) => e.SocketErrorCode switch
    {
        // Python raises its own TimeoutError("timed out") when a socket timeout runs out, whatever errno said.
        SocketError.TimedOut or SocketError.WouldBlock => "TimeoutError: timed out",
        SocketError.ConnectionRefused => $"ConnectionRefusedError: [Errno {e.NativeErrorCode}] {e.Message}",
        SocketError.ConnectionReset => $"ConnectionResetError: [Errno {e.NativeErrorCode}] {e.Message}",
        SocketError.ConnectionAborted => $"ConnectionAbortedError: [Errno {e.NativeErrorCode}] {e.Message}",
        _ => $"OSError: [Errno {e.NativeErrorCode}] {e.Message}",
    };

    /// <summary>The exception line Python prints for a sockit failure, from the OS's error behind it.</summary>
    public static string Of(SockitException e) => e switch
    {
        LookupException { InnerException: SocketException inner } => $"socket.gaierror: [Errno {(inner.SocketErrorCode == SocketError.TypeNotFound ? EaiService : EaiNoName)}] {inner.Message}",
        { Failure: SockitFailure.TimedOut } => "TimeoutError: timed out",
        { InnerException: SocketException inner } => Of(inner),
        _ => $"OSError: {e.Message}",
    };

    /// <summary>sockit's result line for a C# exception: its type, and for a sockit failure its kind and the OS's error.</summary>
    public static string Describe(Exception e) => e switch
    {
        SockitException s => $"{s.GetType().Name}: {s.Message}\n  (Failure = {s.Failure}, SocketError = {s.SocketError})",
        SocketException s => $"{nameof(SocketException)}: {s.Message}\n  (SocketErrorCode = {s.SocketErrorCode})",
        _ => $"{e.GetType().Name}: {e.Message}",
    };

    /// <summary>A line whose outcome is the exception <paramref name="e"/>, checked against python3's.</summary>
    public static TourLine Raised(string python, string csharp, Exception e, ResultVaries varies = ResultVaries.Nothing) =>
        TourLine.Checked(python, csharp, Describe(e), varies) with
        {
            PythonView = e switch
            {
                SockitException s => Of(s),
                SocketException s => Of(s),
                _ => null,
            },
            Raises = true,
        };
}

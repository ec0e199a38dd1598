using System.Net.Sockets;

namespace Sockit;

/// <summary>Translates the OS's <see cref="SocketError"/> into sockit's failure kinds, at the boundary.</summary>
internal static class SocketErrors
{
    public static SockitFailure Kind(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => SockitFailure.Refused,
        SocketError.NetworkUnreachable or SocketError.HostUnreachable or SocketError.NetworkDown or SocketError.HostDown
            or SocketError.AddressNotAvailable => SockitFailure.Unreachable,
        SocketError.TimedOut => SockitFailure.TimedOut,
        SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown => SockitFailure.Reset,
        SocketError.AddressAlreadyInUse => SockitFailure.AddressInUse,
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => SockitFailure.NotFound,
        _ => SockitFailure.Io,
    };
}

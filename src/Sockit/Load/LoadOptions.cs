using System.Net.Sockets;
using Sockit.Connections;

namespace Sockit.Load;

/// <summary>
/// What <see cref="LoadGenerator"/> sends to an echo server, and for how long. The defaults: TCP, 50 connections,
/// 64-byte messages, one message in flight a connection, for 10 seconds, a 5-second wait for each echo.
/// </summary>
public sealed record LoadOptions
{
    /// <summary>The default number of connections: 50, enough to keep a server's cores busy on a loopback test.</summary>
    public const int DefaultConnections = 50;

    /// <summary>The default message size: 64 bytes, a small request.</summary>
    public const int DefaultMessageSize = 64;

    /// <summary>The largest UDP message: 65,507 bytes, the most one IPv4 UDP datagram carries.</summary>
    public const int MaxDatagramSize = 65_507;

    /// <summary>The default run time: 10 seconds.</summary>
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromSeconds(10);

    /// <summary>The default wait for an echo: 5 seconds.</summary>
    public static readonly TimeSpan DefaultEchoTimeout = TimeSpan.FromSeconds(5);

    /// <summary>TCP (the default), UDP (one datagram a message) or a Unix domain stream socket (<see cref="Path"/>).</summary>
    public Transport Transport { get; init; } = Transport.Tcp;

    /// <summary>The echo server's host name or address, for TCP and UDP. Default <c>localhost</c>.</summary>
    public string Host { get; init; } = "localhost";

    /// <summary>The echo server's port, for TCP and UDP. Default 7 (the echo service).</summary>
    public int Port { get; init; } = 7;

    /// <summary>The Unix domain socket's path, for <see cref="Transport.Unix"/>; ignored otherwise. Default null.</summary>
    public string? Path { get; init; }

    /// <summary>Only addresses of this family (IPv4 or IPv6); <see cref="AddressFamily.Unspecified"/> (the default) takes the resolver's first that accepts.</summary>
    public AddressFamily Family { get; init; } = AddressFamily.Unspecified;

    /// <summary>How many connections (for UDP, sockets) run side by side, each its own message loop. Default <see cref="DefaultConnections"/> (50).</summary>
    public int Connections { get; init; } = DefaultConnections;

    /// <summary>The bytes in one message; each message's content differs (it carries its number), so a wrong echo is caught. Default <see cref="DefaultMessageSize"/> (64).</summary>
    public int MessageSize { get; init; } = DefaultMessageSize;

    /// <summary>
    /// How many messages each connection keeps in flight: 1 (the default) sends one and waits for its whole echo;
    /// more sends that many before the first echo and one more for each echo that completes. TCP and Unix only: for UDP
    /// it must be 1, so each datagram's timeout is its own.
    /// </summary>
    public int Pipeline { get; init; } = 1;

    /// <summary>How long to send new messages; the messages in flight then finish. Default <see cref="DefaultDuration"/> (10 s). Ignored when <see cref="Requests"/> is set.</summary>
    public TimeSpan Duration { get; init; } = DefaultDuration;

    /// <summary>Send this many messages in all (shared by the connections), then stop; null (the default) runs for <see cref="Duration"/>.</summary>
    public long? Requests { get; init; }

    /// <summary>
    /// How long a message's echo may take. A UDP datagram whose echo does not come in time counts as an error and the
    /// next is sent; a TCP or Unix connection that receives nothing for this long while waiting counts as an error and is
    /// closed. Default <see cref="DefaultEchoTimeout"/> (5 s).
    /// </summary>
    public TimeSpan EchoTimeout { get; init; } = DefaultEchoTimeout;

    /// <summary>How long each connect may take; null (the default) leaves it to the OS.</summary>
    public TimeSpan? ConnectTimeout { get; init; }

    /// <summary>Told the totals so far every <see cref="ProgressInterval"/>, from a timer thread (never from a connection's loop). Default null.</summary>
    public IProgress<LoadProgress>? Progress { get; init; }

    /// <summary>How often <see cref="Progress"/> is told. Default 1 second.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(1);
}

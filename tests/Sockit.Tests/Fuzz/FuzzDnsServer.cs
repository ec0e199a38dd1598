using System.Net;
using System.Net.Sockets;

namespace Sockit.Tests.Fuzz;

/// <summary>
/// A DNS server on 127.0.0.1 that answers every query with the bytes it is given (the fuzz input), with the
/// query's ID copied in when asked, so the answer is taken as the reply to that query.
/// </summary>
internal sealed class FuzzDnsServer : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private volatile byte[] _reply = [];
    private volatile bool _copyId;

    public FuzzDnsServer()
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _loop = Task.Run(() => ServeAsync(_stop.Token));
    }

    public IPEndPoint EndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    /// <summary>What the next queries get.</summary>
    public void Answer(byte[] reply, bool copyId)
    {
        _reply = reply;
        _copyId = copyId;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _socket.Dispose();
        try
        {
            _loop.Wait();
        }
        catch (AggregateException)
        {
            // The loop ends with the socket.
        }
        _stop.Dispose();
    }

    private async Task ServeAsync(CancellationToken cancellationToken)
    {
        var query = new byte[4096];
        EndPoint any = new IPEndPoint(IPAddress.Any, 0);
        while (!cancellationToken.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _socket.ReceiveFromAsync(query, SocketFlags.None, any, cancellationToken);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            var reply = (byte[])_reply.Clone();
            if (_copyId && reply.Length >= 2 && received.ReceivedBytes >= 2)
            {
                reply[0] = query[0];
                reply[1] = query[1];
            }
            try
            {
                await _socket.SendToAsync(reply, SocketFlags.None, received.RemoteEndPoint, cancellationToken);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
        }
    }
}

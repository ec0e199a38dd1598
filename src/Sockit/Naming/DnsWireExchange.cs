using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Sockit.Naming;

/// <summary>
/// One question to one DNS server over UDP (TCP when the answer is truncated), as resolvers ask it: a reply that is not
/// for this query (another ID, not a response, another question) is ignored and the wait goes on until the timeout;
/// a reply for it that is malformed throws <see cref="DnsMalformedException"/>. Silence throws <see cref="TimeoutException"/>,
/// a socket failure (ICMP port unreachable) its <see cref="SocketException"/>.
/// </summary>
internal static class DnsWireExchange
{
    private const int MaxUdpMessage = 65535;

    public static async Task<DnsWireResponse> AskAsync(IPEndPoint server, string name, int type, TimeSpan timeout, int retries, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt <= retries; attempt++)
        {
            var id = (ushort)RandomNumberGenerator.GetInt32(0, 0x10000);
            var query = DnsWireQuery.Build(id, name, type);
            var response = await AskUdpAsync(server, query, id, name, type, timeout, cancellationToken).ConfigureAwait(false);
            if (response is not null)
            {
                return response.Truncated
                    ? await AskTcpAsync(server, query, id, timeout, cancellationToken).ConfigureAwait(false)
                    : response;
            }
        }
        throw new TimeoutException();
    }

    private static async Task<DnsWireResponse?> AskUdpAsync(IPEndPoint server, byte[] query, ushort id, string name, int type, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var socket = new Socket(server.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        // Connected: the kernel drops datagrams from any other address, and reports the server's ICMP errors.
        await socket.ConnectAsync(server, cancellationToken).ConfigureAwait(false);
        await socket.SendAsync(query, SocketFlags.None, cancellationToken).ConfigureAwait(false);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var buffer = new byte[MaxUdpMessage];
        while (true)
        {
            int n;
            try
            {
                n = await socket.ReceiveAsync(buffer, SocketFlags.None, deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return null;
            }
            var message = buffer.AsSpan(0, n);
            if (n < 2 || BinaryPrimitives.ReadUInt16BigEndian(message) != id)
            {
                // Not an answer to this query (a late one to an earlier query, or a spoofing attempt): wait on.
                continue;
            }
            var response = DnsWireReader.Read(message);
            if (response.IsResponse && IsForQuestion(response, name, type))
            {
                return response;
            }
        }
    }

    private static async Task<DnsWireResponse> AskTcpAsync(IPEndPoint server, byte[] query, ushort id, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(server, deadline.Token).ConfigureAwait(false);
            var framed = new byte[query.Length + 2];
            BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)query.Length);
            query.CopyTo(framed, 2);
            await socket.SendAsync(framed, SocketFlags.None, deadline.Token).ConfigureAwait(false);
            var prefix = new byte[2];
            await ReceiveExactlyAsync(socket, prefix, deadline.Token).ConfigureAwait(false);
            var message = new byte[BinaryPrimitives.ReadUInt16BigEndian(prefix)];
            await ReceiveExactlyAsync(socket, message, deadline.Token).ConfigureAwait(false);
            var response = DnsWireReader.Read(message);
            if (response.Id != id || !response.IsResponse)
            {
                throw new DnsMalformedException($"the TCP answer carries ID {response.Id}, not the query's {id}");
            }
            return response;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException();
        }
    }

    private static async Task ReceiveExactlyAsync(Socket socket, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        while (!buffer.IsEmpty)
        {
            var n = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                throw new DnsMalformedException("the server closed the TCP connection in the middle of its answer");
            }
            buffer = buffer[n..];
        }
    }

    // RFC 5452 section 9.1: the reply must carry the question asked (servers answering FORMERR may send none).
    private static bool IsForQuestion(DnsWireResponse response, string name, int type) =>
        response.QuestionName is null
        || (string.Equals(response.QuestionName.TrimEnd('.'), name.TrimEnd('.'), StringComparison.OrdinalIgnoreCase)
            && response.QuestionType == type && response.QuestionClass == 1);
}

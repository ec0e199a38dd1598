using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using Sockit.Connections;

namespace Sockit.Load;

/// <summary>
/// A UDP socket's loop: one datagram a message, one message at a time. A datagram whose echo does not come within
/// <see cref="LoadOptions.EchoTimeout"/> is counted as an error and the next one is sent, so a lost datagram never
/// hangs the run; an echo that comes late (its number is older than the one awaited) is dropped, not compared.
/// </summary>
internal sealed class DatagramLoadConnection(LoadRun run, int index, Connection connection) : LoadConnection(run, index, connection)
{
    // The largest datagram there is, so a longer echo than was sent is seen as longer rather than cut to size.
    private const int ReceiveBuffer = 65_536;

    public override async Task RunAsync()
    {
        var size = Run.Options.MessageSize;
        var message = ArrayPool<byte>.Shared.Rent(size);
        var receive = ArrayPool<byte>.Shared.Rent(ReceiveBuffer);
        var timeout = new CancellationTokenSource();
        MessagePattern.FillBody(message.AsSpan(0, size), Index);
        long sequence = 0;
        try
        {
            while (Run.Budget.Claim(1) == 1)
            {
                MessagePattern.Stamp(message.AsSpan(0, size), sequence);
                var sentAt = Stopwatch.GetTimestamp();
                LastActivity = sentAt;
                Volatile.Write(ref InFlight, 1);
                try
                {
                    await Socket.SendAsync(message.AsMemory(0, size), SocketFlags.None).ConfigureAwait(false);
                    timeout.CancelAfter(Run.Options.EchoTimeout);
                    await ReceiveEchoAsync(message.AsMemory(0, size), receive, sequence, sentAt, timeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (timeout.IsCancellationRequested && !Run.Cancelled)
                {
                    Failed(string.Create(CultureInfo.InvariantCulture, $"no echo of a datagram within {Run.Options.EchoTimeout.TotalSeconds:0.###} s"));
                    timeout.Dispose();
                    timeout = new CancellationTokenSource();
                }
                catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
                {
                    // The ICMP "port unreachable" of a connected UDP socket: nothing listens there; sending on would only
                    // count the same refusal again and again.
                    Failed(new ConnectionException(SockitFailure.Refused, $"UDP datagram to {Run.Target.Name} refused: {e.Message}", e)
                    {
                        Phase = ConnectionPhase.Send,
                        Host = Run.Options.Host,
                        Port = Run.Options.Port,
                    });
                    return;
                }
                catch (Exception e) when (IsConnectionFailure(e))
                {
                    Failed(e);
                    return;
                }
                finally
                {
                    Volatile.Write(ref InFlight, 0);
                }
                timeout.TryReset();
                sequence++;
            }
        }
        finally
        {
            Close();
            timeout.Dispose();
            ArrayPool<byte>.Shared.Return(message);
            ArrayPool<byte>.Shared.Return(receive);
        }
    }

    private async ValueTask ReceiveEchoAsync(ReadOnlyMemory<byte> message, byte[] receive, long sequence, long sentAt, CancellationToken cancellationToken)
    {
        while (true)
        {
            var received = await Socket.ReceiveAsync(receive.AsMemory(), SocketFlags.None, cancellationToken).ConfigureAwait(false);
            var now = Stopwatch.GetTimestamp();
            LastActivity = now;
            var echo = receive.AsMemory(0, received);
            if (received == message.Length && MessagePattern.TryReadSequence(echo.Span, message.Length, out var number) && number < sequence)
            {
                // The echo of an earlier datagram that was given up on: it proves nothing about this one.
                continue;
            }
            Latency.Record(now - sentAt);
            RoundTrips++;
            Bytes += message.Length;
            if (!echo.Span.SequenceEqual(message.Span))
            {
                Mismatches++;
            }
            return;
        }
    }
}

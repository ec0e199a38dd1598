using System.Net;

namespace Sockit.Connections;

/// <summary>
/// What <see cref="Connector"/> reports while it resolves and connects, step by step (set it as
/// <see cref="ConnectOptions.Progress"/>): for callers that trace the steps, such as a verbose mode, or that name the
/// step a timeout cut short. With Happy Eyeballs several attempts may be under way at once; the calls still come one
/// at a time, in the order the steps happened, never two at once.
/// </summary>
public interface IConnectProgress
{
    /// <summary>The host is a name, and the resolver is being asked for its addresses.</summary>
    void OnResolving(string host);

    /// <summary>The resolver answered; the addresses will be tried in this order (Happy Eyeballs' order, see <see cref="ConnectOptions.AttemptDelay"/>).</summary>
    void OnResolved(string host, IReadOnlyList<IPAddress> addresses);

    /// <summary>
    /// A connect to <paramref name="endPoint"/> is starting; <paramref name="index"/> is its place in the order (0 for the
    /// first address). It starts either first, or because the attempt before it failed, or because the attempts under
    /// way had no answer within <see cref="ConnectOptions.AttemptDelay"/>.
    /// </summary>
    void OnConnecting(IPEndPoint endPoint, int index);

    /// <summary>The connect to <paramref name="endPoint"/> succeeded, <paramref name="elapsed"/> after it started; this connection is kept.</summary>
    void OnConnected(IPEndPoint endPoint, EndPoint? localEndPoint, TimeSpan elapsed);

    /// <summary>The connect to <paramref name="endPoint"/> failed; the next address, if any, starts at once.</summary>
    void OnAttemptFailed(IPEndPoint endPoint, ConnectionException failure);

    /// <summary>The connect to <paramref name="endPoint"/> was still under way when another address connected; it is cancelled and its socket closed.</summary>
    void OnAttemptAbandoned(IPEndPoint endPoint);
}

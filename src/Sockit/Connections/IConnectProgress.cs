using System.Net;

namespace Sockit.Connections;

/// <summary>
/// What <see cref="Connector"/> reports while it resolves and connects, step by step: for callers that trace the
/// steps or name the step a timeout cut short (<see cref="Http.HttpWireClient"/>'s <c>-v</c> and its timeout message).
/// </summary>
internal interface IConnectProgress
{
    /// <summary>The host is a name, and the resolver is being asked for its addresses.</summary>
    void OnResolving(string host);

    /// <summary>The resolver answered; the addresses will be tried in this order.</summary>
    void OnResolved(string host, IReadOnlyList<IPAddress> addresses);

    /// <summary>A connect to <paramref name="endPoint"/> is starting.</summary>
    void OnConnecting(IPEndPoint endPoint);

    /// <summary>The connect to <paramref name="endPoint"/> succeeded after <paramref name="elapsed"/>.</summary>
    void OnConnected(IPEndPoint endPoint, EndPoint? localEndPoint, TimeSpan elapsed);

    /// <summary>The connect to <paramref name="endPoint"/> failed; the next address, if any, is tried next.</summary>
    void OnAttemptFailed(IPEndPoint endPoint, ConnectionException failure);
}

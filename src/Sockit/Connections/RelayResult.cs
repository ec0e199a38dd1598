namespace Sockit.Connections;

/// <summary>What a finished <see cref="Relay"/> moved.</summary>
/// <param name="BytesSent">Bytes copied from the input to the peer.</param>
/// <param name="BytesReceived">Bytes copied from the peer to the output.</param>
/// <param name="InputEnded">True when the input reached its end (rather than the relay stopping first).</param>
/// <param name="PeerClosed">True when the peer closed its sending side.</param>
public sealed record RelayResult(long BytesSent, long BytesReceived, bool InputEnded, bool PeerClosed);

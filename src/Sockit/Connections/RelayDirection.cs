namespace Sockit.Connections;

/// <summary>Which way bytes went through a <see cref="Relay"/>.</summary>
public enum RelayDirection
{
    /// <summary>From the input to the peer.</summary>
    Sent,
    /// <summary>From the peer to the output.</summary>
    Received,
}

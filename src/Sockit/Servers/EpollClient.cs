using System.Net;

namespace Sockit.Servers;

/// <summary>A client of <see cref="EpollResponderLoop"/>: its descriptor, its address, its counts, and the rest of an answer it has not taken yet.</summary>
internal sealed class EpollClient(int descriptor, EndPoint peer)
{
    public int Descriptor { get; } = descriptor;

    public EndPoint Peer { get; } = peer;

    public long Received { get; set; }

    public long Sent { get; set; }

    /// <summary>The rest of an answer (rented), while the client is not taking it; null otherwise.</summary>
    public byte[]? Pending { get; set; }

    public int PendingOffset { get; set; }

    public int PendingLength { get; set; }

    /// <summary>True while the client's reads come large: it is echoed by splice (see SplicePipe).</summary>
    public bool Spliced { get; set; }

    /// <summary>Spliced reads in a row that came small; enough of them send the client back to recv.</summary>
    public int SmallSplices { get; set; }
}

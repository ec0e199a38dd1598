namespace Sockit.Testing.Http;

/// <summary>How a corpus response must end.</summary>
public enum CorpusOutcome
{
    /// <summary>A final response with the expected status and body: <c>sockit get</c> exits 0.</summary>
    Complete,

    /// <summary>Refused as breaking the protocol: <c>SockitFailure.Protocol</c>, exit 76.</summary>
    Protocol,

    /// <summary>Cut short by the server's close: <c>SockitFailure.Truncated</c>, exit 74.</summary>
    Truncated,
}

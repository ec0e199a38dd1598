namespace Sockit.Servers;

/// <summary>How a <see cref="ScriptedHttpServer"/> ends a connection once its script is sent.</summary>
public enum ScriptedHttpEnding
{
    /// <summary>Shut down sending (FIN), as a server that closes after its response does.</summary>
    Close,
    /// <summary>Send nothing more and keep the connection open until the server is disposed: a server that hangs.</summary>
    Stall,
    /// <summary>Reset the connection (RST) shortly after the last segment: a server that crashes.</summary>
    Reset,
}

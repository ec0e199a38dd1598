using System.Diagnostics.CodeAnalysis;

// SocketFactory names the family and type in the message of a socket() failure through SocketConstants, which knows
// the OS's numbers on Linux only. Off Linux the library has no socket constants yet (see README, "What works where");
// socket() itself is .NET's and works everywhere, so SocketFactory stays unmarked rather than making every caller
// Linux-only for the sake of an error message.
[assembly: SuppressMessage("Interoperability", "CA1416:Validate platform compatibility", Scope = "type", Target = "~T:Sockit.Sockets.SocketFactory",
    Justification = "Only an error message's family and type names depend on Linux's constants.")]

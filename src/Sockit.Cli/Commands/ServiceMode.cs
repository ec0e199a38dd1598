namespace Sockit.Cli.Commands;

/// <summary>What <c>sockit service</c> was asked.</summary>
internal enum ServiceMode
{
    /// <summary><c>service NAME</c>: getservbyname.</summary>
    ByName,

    /// <summary><c>service PORT</c>: getservbyport.</summary>
    ByPort,

    /// <summary><c>service --list</c>: every entry.</summary>
    List,
}

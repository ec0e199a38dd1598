using System.CommandLine;
using System.CommandLine.Parsing;

namespace Sockit.Cli.Arguments;

/// <summary>
/// <c>listen -v, --verbose</c>, repeatable: how much a server says about its clients on stderr. An echo or reply server
/// says nothing of them by default (a netcat user expects nothing but the echo); <c>-v</c> adds a line for each client
/// coming and going; <c>-vv</c> also says on each "closed" line how many bytes went each way.
/// </summary>
internal static class ListenVerbosity
{
    public static Option<int> Create() => new("--verbose", "-v")
    {
        Description = "Say more on stderr: -v a line per client (connection from, closed; the default without --echo/--reply), -vv also the bytes each way when it closes",
        Arity = ArgumentArity.Zero,
        // Counted: -v once, -vv (or -v -v) twice.
        CustomParser = result => result.Parent is OptionResult option ? option.IdentifierTokenCount : 0,
    };
}

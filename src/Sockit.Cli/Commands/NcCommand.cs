using System.CommandLine;

namespace Sockit.Cli.Commands;

/// <summary>
/// <c>sockit nc ARGS...</c>: ncat's own command line. <see cref="NcTranslation"/> turns it into a <c>connect</c> or
/// <c>listen</c> command line, which the same root command parses and runs: the same code as those commands, so a
/// script written for ncat runs with <c>sockit nc</c> in its place. The arguments are taken raw, as ncat's getopt
/// reads them, never parsed as sockit's options.
/// </summary>
internal static class NcCommand
{
    public const string Summary =
        "Run an ncat command line as sockit connect or listen: -l -k -u -U -z -v -vv -w -q -i -e -c -C -s -p -4 -6 -n "
        + "--ssl (--ssl-verify, --ssl-trustfile, --ssl-cert, --ssl-key, --ssl-servername) --send-only --recv-only --no-shutdown --max-conns "
        + "--proxy/--proxy-type/--proxy-auth; -l binds 127.0.0.1 unless an address is given (ncat binds every interface); "
        + "--ssl checks the certificate only with --ssl-verify, as ncat (sockit warns on stderr when it is untrusted); "
        + "-q is OpenBSD nc's; exit codes are sockit's (0 done, 1 -z found nothing open, 64 usage, 69 refused, ...), where ncat exits 1 for any failure";

    public static Command Create(CliConsole console, Func<string[], CliConsole, CancellationToken, Task<int>> run)
    {
        var rest = new Argument<string[]>("ARGS") { Description = "ncat's options, then HOST PORT (or -l [HOST] [PORT], -U PATH)", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("nc", Summary) { rest };
        command.TreatUnmatchedTokensAsErrors = false;
        CommandAction.Set(command, console, async (parseResult, cancellationToken) =>
        {
            var sockitArguments = NcTranslation.Translate(NcArguments(parseResult));
            return await run([.. FormatPrefix(parseResult), .. sockitArguments], console, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    // Every token after "nc", in order, exactly as typed (System.CommandLine keeps them in parseResult.Tokens).
    private static List<string> NcArguments(ParseResult parseResult)
    {
        var tokens = parseResult.Tokens.Select(t => t.Value).ToList();
        var nc = tokens.IndexOf("nc");
        return tokens.Skip(nc + 1).ToList();
    }

    // sockit --format json nc ...: the translated command runs in the same format.
    private static IEnumerable<string> FormatPrefix(ParseResult parseResult) =>
        parseResult.GetResult(GlobalOptions.Format) is { Implicit: false }
            ? ["--format", parseResult.GetValue(GlobalOptions.Format).ToString().ToLowerInvariant()]
            : [];
}

using System.Text;
using Sockit.Testing;

namespace Sockit.Cli.Tests.Commands;

/// <summary>
/// Non-ASCII host names are asked for in the form Python asks for them (its <c>idna</c> codec, IDNA 2003):
/// <c>bücher.test</c> as <c>xn--bcher-kva.test</c>, <c>straße.test</c> as <c>strasse.test</c>. In a known-names
/// namespace whose hosts file has both the encoded names and the raw UTF-8 one at other addresses, python3 there is the
/// oracle. No such name is ever resolved outside the namespace.
/// </summary>
public sealed class ResolveInternationalNamesTests
{
    private const string Hosts = "127.0.0.1\tlocalhost\n"
        + "127.0.0.61\txn--bcher-kva.test\n"
        + "127.0.0.62\tbücher.test\n"          // the raw UTF-8 name: what sockit found before, and Python never asks for
        + "127.0.0.63\tstrasse.test\n"          // IDNA 2003 maps ß to ss
        + "127.0.0.64\txn--strae-oqa.test\n";   // UTS #46 (non-transitional) keeps ß: not what Python asks for

    private static readonly (string Args, string Python)[] s_cases =
    [
        ("resolve bücher.test", "socket.gethostbyname('bücher.test')"),
        ("resolve BÜCHER.test --ex", "socket.gethostbyname_ex('BÜCHER.test')"),
        ("resolve bücher.test --family inet --type stream", "socket.getaddrinfo('bücher.test', None, socket.AF_INET, socket.SOCK_STREAM)"),
        ("resolve straße.test", "socket.gethostbyname('straße.test')"),
        // A fullwidth letter and an ideographic full stop, as a CJK keyboard types them.
        ("resolve ｂücher。test --ex", "socket.gethostbyname_ex('ｂücher。test')"),
        ("resolve straße.test --family inet --type stream", "socket.getaddrinfo('straße.test', None, socket.AF_INET, socket.SOCK_STREAM)"),
    ];

    [Fact]
    public async Task NonAsciiNames_AskForThePythonIdnaForm()
    {
        var script = new StringBuilder("set -u\n");
        foreach (var (args, python) in s_cases)
        {
            var pythonScript = $"import socket\ntry: print(repr({python}))\nexcept OSError as e: print('ERROR ' + str(e.strerror))";
            script.Append($"python3 -c {KnownNames.Quote(pythonScript)}; ");
            script.Append($"{Cli.ShellCommand} {args} --format python; echo \"rc=$?\"; echo ---\n");
        }
        var result = await KnownNames.RunAsync(script.ToString(), Hosts, timeout: TimeSpan.FromSeconds(90));
        Assert.True(result.ExitCode == 0, result.Stderr);

        var blocks = result.Stdout.Split("---\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(s_cases.Length, blocks.Length);
        for (var i = 0; i < s_cases.Length; i++)
        {
            var lines = blocks[i].Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(lines.Length == 3, $"{s_cases[i].Args}: {blocks[i]} {result.Stderr}");
            Assert.True(lines[2] == "rc=0", $"{s_cases[i].Args}: {blocks[i]} {result.Stderr}");
            Assert.True(lines[0] == lines[1], $"{s_cases[i].Args}\npython: {lines[0]}\nsockit: {lines[1]}");
            Assert.DoesNotContain("127.0.0.62", lines[1], StringComparison.Ordinal);
            Assert.DoesNotContain("127.0.0.64", lines[1], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task NameThatIdnaCannotEncode_Exit68_OneLine_AsPythonRefusesIt()
    {
        var name = new string('ü', 64) + ".test";
        var script = $"python3 -c {KnownNames.Quote($"import socket\ntry: socket.gethostbyname('{name}')\nexcept UnicodeError: print('UnicodeError')")}\n"
            + $"{Cli.ShellCommand} resolve {name}; echo \"rc=$?\"\n";
        var result = await KnownNames.RunAsync(script, Hosts, timeout: TimeSpan.FromSeconds(60));

        Assert.Equal($"UnicodeError\nrc=68\n", result.Stdout);
        Assert.StartsWith($"sockit: cannot resolve '{name}': not a valid international name (IDNA: ", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
    }
}

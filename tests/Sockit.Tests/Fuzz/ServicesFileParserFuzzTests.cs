using System.Text;
using CsCheck;
using Sockit.Services;
using static Sockit.Tests.Fuzz.Mutator;

namespace Sockit.Tests.Fuzz;

/// <summary>
/// Fuzz target: <see cref="ServicesFileParser"/> on mutated services files. Whatever the text, parsing returns (no
/// exception), each line is read on its own (a file parses as its lines do one by one), and every entry is one a
/// services file can hold: a name, aliases and protocol without blanks or <c>#</c>, a port of 0 to 65535.
/// </summary>
public sealed class ServicesFileParserFuzzTests
{
    private static readonly byte[][] s_seeds =
    [
        .. new[]
        {
            "ssh\t\t22/tcp\t\t\t\t# SSH Remote Login Protocol\nchargen 19/udp ttytst source\n",
            "http 80/tcp www#World Wide Web\r\nhex 0x16/tcp\noctal 026/tcp\nwrap 65558/tcp\n",
            "# comment only\n\n   \t \nnoproto 22/\nnoport /tcp\n4294967297/tcp\n+1005/tcp\n1002/\n",
            "a 1/b c d e f g h i j k l m n o p q r s t u v w x y z\f\v\n",
            "big 18446744073709551615/tcp\nbigger 18446744073709551616/tcp\n0xffffffffffffffff/udp\n",
        }.Select(Bytes),
    ];

    private static readonly byte[][] s_tokens =
    [
        .. new[]
        {
            "\n", "\r\n", "\r", " ", "\t", "\f", "\v", "#", "/", "0", "0x", "9", "-", "+", "tcp", "udp", "\x00",
            "\u2028", "\u0085", "ssh 22/tcp", "18446744073709551616",
        }.Select(t => Encoding.UTF8.GetBytes(t)),
    ];

    private static readonly char[] s_blanks = [' ', '\t', '\r', '\f', '\v', '\n', '#'];

    [Fact]
    public void Fuzz_ServicesFileParser() =>
        FuzzBudget.Run(nameof(ServicesFileParser), Mutants(s_seeds, s_tokens).Select(b => Encoding.UTF8.GetString(b)), text =>
        {
            var entries = ServicesFileParser.Parse(text);
            var oneByOne = new List<ServiceEntry>();
            foreach (var line in text.AsSpan().EnumerateLines())
            {
                if (ServicesFileParser.TryParseLine(line, out var entry))
                {
                    oneByOne.Add(entry);
                }
            }
            Assert.Equal(Describe(oneByOne), Describe(entries));
            foreach (var entry in entries)
            {
                Assert.InRange(entry.Port, 0, 65535);
                foreach (var word in entry.Aliases.Append(entry.Name).Append(entry.Protocol))
                {
                    Assert.NotEmpty(word);
                    Assert.True(word.IndexOfAny(s_blanks) < 0, $"'{word}' holds a blank or #");
                }
            }
        }, text => $"\"{Show(Encoding.UTF8.GetBytes(text))}\"");

    private static string Describe(IEnumerable<ServiceEntry> entries) =>
        string.Join('\n', entries.Select(e => $"{e.Name} {e.Port}/{e.Protocol} {string.Join(' ', e.Aliases)}"));
}

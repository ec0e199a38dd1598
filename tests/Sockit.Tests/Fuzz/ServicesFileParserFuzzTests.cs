using System.Text;
using CsCheck;
using Sockit.Services;
using static Sockit.Tests.Fuzz.Mutator;

namespace Sockit.Tests.Fuzz;

/// <summary>
/// Fuzz target: <see cref="ServicesFileParser"/> on mutated services files. Whatever the text, parsing returns (no
/// exception), lines are read on their own (two files joined by a newline parse as the one's entries then the
/// other's), and every entry is one a services file can hold: a name, aliases and protocol without blanks or
/// <c>#</c>, a port of 0 to 65535. (Which bytes end a line is glibc's business and the oracle tests'; this holds for
/// any choice that counts LF.)
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

    private static readonly Gen<string> s_files = Mutants(s_seeds, s_tokens).Select(b => Encoding.UTF8.GetString(b));

    [Fact]
    public void Fuzz_ServicesFileParser() =>
        FuzzBudget.Run(nameof(ServicesFileParser), Gen.Select(s_files, s_files), input =>
        {
            var (first, second) = input;
            var entries = ServicesFileParser.Parse(first + "\n" + second);
            Assert.Equal(Describe([.. ServicesFileParser.Parse(first), .. ServicesFileParser.Parse(second)]), Describe(entries));
            foreach (var entry in entries)
            {
                Assert.InRange(entry.Port, 0, 65535);
                foreach (var word in entry.Aliases.Append(entry.Name))
                {
                    Assert.NotEmpty(word);
                    Assert.True(word.IndexOfAny(s_blanks) < 0, $"'{word}' holds a blank or #");
                }
                // The protocol may be empty: glibc keeps "chargen 19" and "chargen 19/" with protocol "", as python3 shows
                // (ServicesEdgeLinesOracleTests); it never holds a blank.
                Assert.True(entry.Protocol.IndexOfAny(s_blanks) < 0, $"protocol '{entry.Protocol}' holds a blank or #");
            }
        }, input => $"\"{Show(Encoding.UTF8.GetBytes(input.Item1))}\" + \"\\n\" + \"{Show(Encoding.UTF8.GetBytes(input.Item2))}\"");

    private static string Describe(IEnumerable<ServiceEntry> entries) =>
        string.Join('\n', entries.Select(e => $"{e.Name} {e.Port}/{e.Protocol} {string.Join(' ', e.Aliases)}"));
}

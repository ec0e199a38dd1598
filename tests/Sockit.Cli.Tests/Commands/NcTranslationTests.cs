using Sockit.Cli.Commands;

namespace Sockit.Cli.Tests.Commands;

/// <summary>ncat's argument lists and the sockit argument lists they become, written by hand from ncat's manual (ncat 7.93's -h).</summary>
public sealed class NcTranslationTests
{
    [Theory]
    [InlineData("localhost 8000", "connect localhost 8000")]
    [InlineData("localhost", "connect localhost 31337")]
    [InlineData("-l 8000", "listen 8000")]
    [InlineData("-l", "listen 31337")]
    [InlineData("-l -p 8000", "listen 8000")]
    [InlineData("-lp8000", "listen 8000")]
    [InlineData("-l 127.0.0.2 8000", "listen --bind 127.0.0.2 8000")]
    [InlineData("-l ::1 -p 8000", "listen --bind ::1 8000")]
    [InlineData("-l -6 8000", "listen --bind ::1 8000")]
    [InlineData("-l -4 8000", "listen 8000")]
    [InlineData("-lk 8000", "listen -k 8000")]
    [InlineData("-l -k --max-conns 3 8000", "listen -k --max-clients 3 8000")]
    [InlineData("-lkm3 8000", "listen -k --max-clients 3 8000")]
    [InlineData("-lu 8000", "listen -u 8000")]
    [InlineData("-lU /tmp/s.sock", "listen -U /tmp/s.sock")]
    [InlineData("-U /tmp/s.sock", "connect -U /tmp/s.sock")]
    [InlineData("--unixsock /tmp/s.sock", "connect -U /tmp/s.sock")]
    [InlineData("-u 127.0.0.1 53", "connect -u 127.0.0.1 53")]
    [InlineData("-z 127.0.0.1 22", "connect -z 127.0.0.1 22")]
    [InlineData("-zv 127.0.0.1 22", "connect -v -z 127.0.0.1 22")]
    [InlineData("-v localhost 80", "connect -v localhost 80")]
    [InlineData("-vv localhost 80", "connect -vv localhost 80")]
    [InlineData("-v -v -v localhost 80", "connect -vv localhost 80")]
    [InlineData("--verbose localhost 80", "connect -v localhost 80")]
    [InlineData("-lkv 8000", "listen -v -k 8000")]
    [InlineData("-w 2 localhost 80", "connect -w 2 localhost 80")]
    [InlineData("-w500ms localhost 80", "connect -w 500ms localhost 80")]
    [InlineData("--wait=3 localhost 80", "connect -w 3 localhost 80")]
    [InlineData("-q 1 localhost 80", "connect -q 1 localhost 80")]
    [InlineData("-i 5 localhost 80", "connect --idle-timeout 5 localhost 80")]
    [InlineData("-C localhost 80", "connect -C localhost 80")]
    [InlineData("--crlf -l 8000", "listen -C 8000")]
    [InlineData("--send-only localhost 80", "connect --send-only localhost 80")]
    [InlineData("--recv-only -l 8000", "listen --recv-only 8000")]
    [InlineData("--no-shutdown localhost 80", "connect --no-shutdown localhost 80")]
    [InlineData("-s 127.0.0.2 -p 40000 127.0.0.1 80", "connect -s 127.0.0.2 -p 40000 127.0.0.1 80")]
    [InlineData("--source=127.0.0.2 --source-port=40000 127.0.0.1 80", "connect -s 127.0.0.2 -p 40000 127.0.0.1 80")]
    [InlineData("-4 localhost 80", "connect -4 localhost 80")]
    [InlineData("-6 localhost 80", "connect -6 localhost 80")]
    [InlineData("-n 127.0.0.1 80", "connect 127.0.0.1 80")]
    [InlineData("-nv ::1 80", "connect -v ::1 80")]
    [InlineData("localhost 80 -v", "connect -v localhost 80")]
    [InlineData("--ssl localhost 443", "connect --tls --insecure localhost 443")]
    [InlineData("--ssl --ssl-verify localhost 443", "connect --tls localhost 443")]
    [InlineData("--ssl --ssl-trustfile ca.pem --ssl-servername example.test localhost 443", "connect --tls --cacert ca.pem --sni example.test localhost 443")]
    [InlineData("-l --ssl 8443", "listen --tls 8443")]
    [InlineData("-l --ssl --ssl-cert c.pem --ssl-key k.pem 8443", "listen --tls --cert c.pem --key k.pem 8443")]
    [InlineData("--proxy 127.0.0.1:3128 localhost 80", "connect --proxy http://127.0.0.1:3128 localhost 80")]
    [InlineData("--proxy 127.0.0.1 localhost 80", "connect --proxy http://127.0.0.1:3128 localhost 80")]
    [InlineData("--proxy 127.0.0.1:1080 --proxy-type socks5 localhost 80", "connect --proxy socks5://127.0.0.1:1080 localhost 80")]
    [InlineData("--proxy 127.0.0.1 --proxy-type socks5 --proxy-dns remote localhost 80", "connect --proxy socks5h://127.0.0.1:1080 localhost 80")]
    [InlineData("--proxy 127.0.0.1:1080 --proxy-type socks5 --proxy-auth u:p localhost 80", "connect --proxy socks5://u:p@127.0.0.1:1080 localhost 80")]
    [InlineData("--hex localhost 80", "connect --hex localhost 80")]
    public void Translate_NcatLine_BecomesSockitLine(string ncat, string sockit)
    {
        Assert.Equal(sockit.Split(' '), NcTranslation.Translate(ncat.Split(' ')));
    }

    [Fact]
    public void Translate_Exec_SplitsOnSpacesWithoutAShellAndGoesLast()
    {
        Assert.Equal(["listen", "-k", "8000", "--exec", "/bin/cat", "-n"], NcTranslation.Translate(["-lk", "8000", "-e", "/bin/cat  -n"]));
        Assert.Equal(["listen", "8000", "--exec", "/bin/cat"], NcTranslation.Translate(["-l", "8000", "--exec=/bin/cat"]));
        Assert.Equal(["connect", "localhost", "80", "--exec", "/usr/bin/tr", "a-z", "A-Z"], NcTranslation.Translate(["-e", "/usr/bin/tr a-z A-Z", "localhost", "80"]));
    }

    [Fact]
    public void Translate_ShExec_IsOneLineForTheShell()
    {
        Assert.Equal(["listen", "8000", "--sh-exec", "cat | tr a-z A-Z"], NcTranslation.Translate(["-l", "8000", "-c", "cat | tr a-z A-Z"]));
        Assert.Equal(["connect", "localhost", "80", "--sh-exec", "echo hi"], NcTranslation.Translate(["--sh-exec", "echo hi", "localhost", "80"]));
        // A value-taking flag inside a bundle takes the rest of the bundle: ncat's getopt.
        Assert.Equal(["listen", "8000", "--sh-exec", "date"], NcTranslation.Translate(["-lcdate", "8000"]));
    }

    [Fact]
    public void Translate_DoubleDash_EndsTheOptions()
    {
        Assert.Equal(["connect", "localhost", "80"], NcTranslation.Translate(["--", "localhost", "80"]));
    }

    [Theory]
    [InlineData("-x dump.txt localhost 80", "nc: -x is ncat's hex dump to a file, not supported; use --hex, which dumps both directions to stderr (sockit nc --hex ... 2>FILE)")]
    [InlineData("-o out.txt localhost 80", "nc: -o is ncat's session dump to a file, not supported; use --hex, which dumps both directions to stderr (sockit nc --hex ... 2>FILE)")]
    [InlineData("-t localhost 23", "nc: -t is ncat's Telnet negotiation, not supported")]
    [InlineData("--chat -l 8000", "nc: --chat is ncat's chat server, not supported")]
    [InlineData("--broker -l 8000", "nc: --broker is ncat's connection broker, not supported")]
    [InlineData("--sctp localhost 80", "nc: --sctp is ncat's SCTP transport, not supported; use TCP or -u")]
    [InlineData("--lua-exec x.lua -l 8000", "nc: --lua-exec is ncat's Lua script runner, not supported; use -e PROGRAM or -c 'SHELL LINE'")]
    [InlineData("-Y localhost 80", "nc: -Y is not an ncat flag sockit knows (sockit nc --help lists them)")]
    [InlineData("--bogus localhost 80", "nc: --bogus is not an ncat flag sockit knows (sockit nc --help lists them)")]
    [InlineData("-k localhost 80", "nc: -k keeps a listener open; it goes with -l (sockit nc -lk PORT)")]
    [InlineData("-lz 8000", "nc: -z checks a port of another host; it does not go with -l")]
    [InlineData("-l -q 1 8000", "nc: -q is for connecting (OpenBSD nc's -q); sockit listen has no -q")]
    [InlineData("-n localhost 80", "nc: -n takes numeric addresses only, and 'localhost' is a name (drop -n to resolve it)")]
    [InlineData("-v", "nc: give a host and a port to connect to (sockit nc localhost 8000), or -l to listen")]
    [InlineData("a b c", "nc: give one host and one port; too many arguments: a b c")]
    [InlineData("localhost -p", "nc: -p needs a value")]
    [InlineData("--proxy 127.0.0.1 --proxy-type socks4 localhost 80", "nc: --proxy-type socks4 is not supported; use socks5 or http")]
    [InlineData("--proxy-type socks5 localhost 80", "nc: --proxy-type, --proxy-auth and --proxy-dns go with --proxy HOST:PORT")]
    [InlineData("-e cat -c cat -l 8000", "nc: give -e or -c, not both")]
    [InlineData("-- -l 8000", "nc: '-l' is not a host, port or path sockit takes (it starts with '-')")]
    [InlineData("--udp=1 localhost 80", "nc: --udp takes no value")]
    public void Translate_Unsupported_IsOneUsageLine(string ncat, string message)
    {
        var e = Assert.Throws<CliException>(() => NcTranslation.Translate(ncat.Split(' ')));
        Assert.Equal(message, e.Message);
        Assert.Equal(64, e.ExitCode);
    }

    [Fact]
    public async Task Nc_Unsupported_ExitsUsageWithOneLine()
    {
        var result = await Cli.RunAsync("nc", "-x", "dump.txt", "localhost", "80");
        Assert.Equal(64, result.ExitCode);
        Assert.Equal("sockit: nc: -x is ncat's hex dump to a file, not supported; use --hex, which dumps both directions to stderr (sockit nc --hex ... 2>FILE)\n", result.Stderr);
    }

    [Fact]
    public async Task Nc_TranslatedLineIsParsedByTheSameCommand_SoItsUsageErrorsAreConnects()
    {
        // ncat's -p 0 is a source port sockit refuses: the line comes from connect's own parsing.
        var result = await Cli.RunAsync("nc", "-p", "0", "127.0.0.1", "9");
        Assert.Equal(64, result.ExitCode);
        Assert.Equal("sockit: -p takes a source port number, 1-65535 (not '0')\n", result.Stderr);
    }
}

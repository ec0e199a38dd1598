using System.Net;

namespace Sockit.Cli.Commands;

/// <summary>
/// ncat's command line turned into sockit's: <c>sockit nc ARGS...</c> becomes <c>sockit connect ...</c> or
/// <c>sockit listen ...</c>, which the same root command then parses and runs, so <c>nc</c> is literally the same code
/// as <c>connect</c> and <c>listen</c>. A pure function of the argument list (tested on lists, in NcTranslationTests).
/// ncat's getopt rules hold: short flags bundle (<c>-lkv</c>), a short flag's value may be attached (<c>-p8000</c>),
/// a long one's may follow <c>=</c>, positionals may come anywhere, and <c>--</c> ends the options.
/// An ncat flag sockit has no counterpart for is one usage line naming what to use instead.
/// </summary>
internal static class NcTranslation
{
    /// <summary>ncat's own default port, for <c>ncat -l</c> and <c>ncat HOST</c> without one.</summary>
    public const string DefaultPort = "31337";

    // ncat's short flags that take a value, and the long names they share a meaning with.
    private const string ShortWithValue = "ecgGmdoxipswq";

    private static readonly Dictionary<string, char> s_longToShort = new(StringComparer.Ordinal)
    {
        ["exec"] = 'e', ["sh-exec"] = 'c', ["max-conns"] = 'm', ["delay"] = 'd', ["output"] = 'o', ["hex-dump"] = 'x',
        ["idle-timeout"] = 'i', ["source-port"] = 'p', ["source"] = 's', ["wait"] = 'w', ["crlf"] = 'C', ["listen"] = 'l',
        ["keep-open"] = 'k', ["nodns"] = 'n', ["telnet"] = 't', ["udp"] = 'u', ["verbose"] = 'v', ["unixsock"] = 'U',
    };

    private static readonly HashSet<string> s_longWithValue = new(StringComparer.Ordinal)
    {
        "exec", "sh-exec", "lua-exec", "max-conns", "delay", "output", "hex-dump", "idle-timeout", "source-port", "source",
        "wait", "proxy", "proxy-type", "proxy-auth", "proxy-dns", "ssl-cert", "ssl-key", "ssl-trustfile", "ssl-ciphers",
        "ssl-servername", "ssl-alpn", "allow", "allowfile", "deny", "denyfile",
    };

    // ncat's flags sockit does not take, each with what to do instead.
    private static readonly Dictionary<string, string> s_unsupported = new(StringComparer.Ordinal)
    {
        ["g"] = "-g is ncat's loose source routing, not supported (Linux drops source-routed packets anyway)",
        ["G"] = "-G is ncat's source routing pointer, not supported",
        ["d"] = "-d is ncat's delay between reads and writes, not supported",
        ["o"] = "-o is ncat's session dump to a file, not supported; use --hex, which dumps both directions to stderr (sockit nc --hex ... 2>FILE)",
        ["x"] = "-x is ncat's hex dump to a file, not supported; use --hex, which dumps both directions to stderr (sockit nc --hex ... 2>FILE)",
        ["t"] = "-t is ncat's Telnet negotiation, not supported",
        ["lua-exec"] = "--lua-exec is ncat's Lua script runner, not supported; use -e PROGRAM or -c 'SHELL LINE'",
        ["vsock"] = "--vsock is ncat's VM socket family, not supported",
        ["sctp"] = "--sctp is ncat's SCTP transport, not supported; use TCP or -u",
        ["append-output"] = "--append-output goes with ncat's -o, which is not supported; use --hex ... 2>>FILE",
        ["allow"] = "--allow is ncat's access list, not supported; sockit nc -l binds loopback unless you give an address",
        ["allowfile"] = "--allowfile is ncat's access list, not supported",
        ["deny"] = "--deny is ncat's access list, not supported",
        ["denyfile"] = "--denyfile is ncat's access list, not supported",
        ["broker"] = "--broker is ncat's connection broker, not supported",
        ["chat"] = "--chat is ncat's chat server, not supported",
        ["ssl-ciphers"] = "--ssl-ciphers is not supported; sockit uses the system's OpenSSL cipher list (--tls-min sets the lowest version)",
        ["ssl-alpn"] = "--ssl-alpn is not supported",
        ["version"] = "--version would print ncat's version; sockit --version prints sockit's",
    };

    /// <summary>sockit's argument list for ncat's <paramref name="ncatArguments"/>; throws the usage line for what sockit does not take.</summary>
    public static IReadOnlyList<string> Translate(IReadOnlyList<string> ncatArguments)
    {
        ArgumentNullException.ThrowIfNull(ncatArguments);
        var flags = new NcFlags();
        for (var i = 0; i < ncatArguments.Count; i++)
        {
            var token = ncatArguments[i];
            if (token == "--")
            {
                flags.Positionals.AddRange(ncatArguments.Skip(i + 1));
                break;
            }
            if (token.StartsWith("--", StringComparison.Ordinal))
            {
                var equals = token.IndexOf('=', StringComparison.Ordinal);
                var name = equals < 0 ? token[2..] : token[2..equals];
                string? value = null;
                if (s_longWithValue.Contains(name))
                {
                    value = equals >= 0 ? token[(equals + 1)..] : ++i < ncatArguments.Count ? ncatArguments[i] : throw Missing(token);
                }
                else if (equals >= 0)
                {
                    throw CliException.Usage($"nc: {token[..equals]} takes no value");
                }
                if (s_longToShort.TryGetValue(name, out var shortName))
                {
                    flags.Add(shortName, value);
                }
                else
                {
                    flags.AddLong(name, value);
                }
            }
            else if (token.StartsWith('-') && token.Length > 1)
            {
                // A bundle of short flags; the first that takes a value takes the rest of the token, or the next one.
                for (var j = 1; j < token.Length; j++)
                {
                    var c = token[j];
                    if (ShortWithValue.Contains(c, StringComparison.Ordinal))
                    {
                        var value = j + 1 < token.Length ? token[(j + 1)..] : ++i < ncatArguments.Count ? ncatArguments[i] : throw Missing($"-{c}");
                        flags.Add(c, value);
                        break;
                    }
                    flags.Add(c, null);
                }
            }
            else
            {
                flags.Positionals.Add(token);
            }
        }
        if (flags.Positionals.FirstOrDefault(p => p.StartsWith('-')) is { } dashed)
        {
            throw CliException.Usage($"nc: '{dashed}' is not a host, port or path sockit takes (it starts with '-')");
        }
        flags.TakeUnixPath();
        return flags.Listen ? Listen(flags) : Connect(flags);
    }

    private static CliException Missing(string flag) => CliException.Usage($"nc: {flag} needs a value");

    private static List<string> Listen(NcFlags flags)
    {
        if (flags.Zero)
        {
            throw CliException.Usage("nc: -z checks a port of another host; it does not go with -l");
        }
        if (flags.Quit is not null)
        {
            throw CliException.Usage("nc: -q is for connecting (OpenBSD nc's -q); sockit listen has no -q");
        }
        if (flags.NoShutdown)
        {
            throw CliException.Usage("nc: --no-shutdown is for connecting; sockit listen keeps reading after stdin ends already");
        }
        var args = new List<string> { "listen" };
        args.AddRange(flags.Common());
        if (flags.KeepOpen)
        {
            args.Add("-k");
        }
        if (flags.MaxConns is not null)
        {
            args.AddRange(["--max-clients", flags.MaxConns]);
        }
        if (flags.Tls)
        {
            args.AddRange(flags.TlsServer());
        }
        if (flags.UnixPath is not null)
        {
            args.AddRange(["-U", flags.UnixPath]);
            return [.. args, .. flags.ExecTail()];
        }
        string? host = null;
        var port = flags.SourcePort;
        switch (flags.Positionals.Count)
        {
            case 0:
                break;
            // ncat -l 8000 is a port; ncat -l ADDR (with -p, or ncat's default port) an address.
            case 1 when port is null && IsPort(flags.Positionals[0]):
                port = flags.Positionals[0];
                break;
            case 1:
                host = flags.Positionals[0];
                break;
            case 2 when port is null:
                (host, port) = (flags.Positionals[0], flags.Positionals[1]);
                break;
            default:
                throw CliException.Usage($"nc: -l takes [HOST] [PORT]; too many arguments: {string.Join(' ', flags.Positionals)}");
        }
        CheckNoDns(flags, host);
        // ncat -l binds every interface; sockit binds loopback unless an address is given (-6: IPv6's loopback).
        host ??= flags.Family == "-6" ? "::1" : null;
        if (host is not null)
        {
            args.AddRange(["--bind", host]);
        }
        args.Add(port ?? DefaultPort);
        return [.. args, .. flags.ExecTail()];
    }

    private static List<string> Connect(NcFlags flags)
    {
        if (flags.KeepOpen)
        {
            throw CliException.Usage("nc: -k keeps a listener open; it goes with -l (sockit nc -lk PORT)");
        }
        if (flags.MaxConns is not null)
        {
            throw CliException.Usage("nc: --max-conns limits a listener's clients; it goes with -l");
        }
        var args = new List<string> { "connect" };
        args.AddRange(flags.Common());
        if (flags.Tls)
        {
            args.AddRange(flags.TlsClient());
        }
        if (flags.Zero)
        {
            args.Add("-z");
        }
        if (flags.Wait is not null)
        {
            args.AddRange(["-w", flags.Wait]);
        }
        if (flags.Quit is not null)
        {
            args.AddRange(["-q", flags.Quit]);
        }
        if (flags.NoShutdown)
        {
            args.Add("--no-shutdown");
        }
        if (flags.Source is not null)
        {
            args.AddRange(["-s", flags.Source]);
        }
        if (flags.SourcePort is not null)
        {
            args.AddRange(["-p", flags.SourcePort]);
        }
        args.AddRange(flags.Proxy());
        if (flags.UnixPath is not null)
        {
            args.AddRange(["-U", flags.UnixPath]);
        }
        else
        {
            switch (flags.Positionals.Count)
            {
                case 0:
                    throw CliException.Usage("nc: give a host and a port to connect to (sockit nc localhost 8000), or -l to listen");
                case 1:
                    args.AddRange([flags.Positionals[0], DefaultPort]);
                    break;
                case 2:
                    args.AddRange(flags.Positionals);
                    break;
                default:
                    throw CliException.Usage($"nc: give one host and one port; too many arguments: {string.Join(' ', flags.Positionals)}");
            }
            CheckNoDns(flags, flags.Positionals[0]);
        }
        return [.. args, .. flags.ExecTail()];
    }

    // -n: ncat never asks DNS; sockit nc then takes only numeric addresses, so nothing is looked up by surprise.
    private static void CheckNoDns(NcFlags flags, string? host)
    {
        if (flags.NoDns && host is not null && !IPAddress.TryParse(host.Trim('[', ']'), out _))
        {
            throw CliException.Usage($"nc: -n takes numeric addresses only, and '{host}' is a name (drop -n to resolve it)");
        }
    }

    private static bool IsPort(string text) => text.Length is > 0 and <= 5 && text.All(char.IsAsciiDigit);

    /// <summary>The flags of one ncat command line, as they are read.</summary>
    private sealed class NcFlags
    {
        public List<string> Positionals { get; } = [];

        public bool Listen { get; private set; }

        public bool KeepOpen { get; private set; }

        public bool Zero { get; private set; }

        public bool NoDns { get; private set; }

        public bool NoShutdown { get; private set; }

        public bool Tls { get; private set; }

        public string? UnixPath { get; private set; }

        public string? Family { get; private set; }

        public string? Wait { get; private set; }

        public string? Quit { get; private set; }

        public string? Source { get; private set; }

        public string? SourcePort { get; private set; }

        public string? MaxConns { get; private set; }

        private bool _unix;
        private bool _udp;
        private bool _crlf;
        private bool _sendOnly;
        private bool _recvOnly;
        private bool _sslVerify;
        private bool _hex;
        private int _verbose;
        private string? _idle;
        private string? _exec;
        private string? _shExec;
        private string? _sslCert;
        private string? _sslKey;
        private string? _trustFile;
        private string? _serverName;
        private string? _proxy;
        private string? _proxyType;
        private string? _proxyAuth;
        private string? _proxyDns;

        public void Add(char flag, string? value)
        {
            switch (flag)
            {
                case 'l': Listen = true; break;
                case 'k': KeepOpen = true; break;
                case 'z': Zero = true; break;
                case 'n': NoDns = true; break;
                case 'u': _udp = true; break;
                case 'U': _unix = true; break;
                case 'C': _crlf = true; break;
                case 'v': _verbose++; break;
                case '4' or '6': Family = $"-{flag}"; break;
                case 'h': throw CliException.Usage("nc: for help, sockit nc --help");
                case 'e': _exec = value; break;
                case 'c': _shExec = value; break;
                case 'm': MaxConns = value; break;
                case 'i': _idle = value; break;
                case 'p': SourcePort = value; break;
                case 's': Source = value; break;
                case 'w': Wait = value; break;
                case 'q': Quit = value; break;
                default:
                    throw CliException.Usage(s_unsupported.TryGetValue(flag.ToString(), out var why)
                        ? $"nc: {why}"
                        : $"nc: -{flag} is not an ncat flag sockit knows (sockit nc --help lists them)");
            }
        }

        public void AddLong(string name, string? value)
        {
            switch (name)
            {
                case "send-only": _sendOnly = true; break;
                case "hex": _hex = true; break;
                case "recv-only": _recvOnly = true; break;
                case "no-shutdown": NoShutdown = true; break;
                case "ssl": Tls = true; break;
                case "ssl-verify": Tls = true; _sslVerify = true; break;
                case "ssl-cert": _sslCert = value; break;
                case "ssl-key": _sslKey = value; break;
                case "ssl-trustfile": _trustFile = value; break;
                case "ssl-servername": _serverName = value; break;
                case "proxy": _proxy = value; break;
                case "proxy-type": _proxyType = value; break;
                case "proxy-auth": _proxyAuth = value; break;
                case "proxy-dns": _proxyDns = value; break;
                case "help": throw CliException.Usage("nc: for help, sockit nc --help");
                default:
                    throw CliException.Usage(s_unsupported.TryGetValue(name, out var why)
                        ? $"nc: {why}"
                        : $"nc: --{name} is not an ncat flag sockit knows (sockit nc --help lists them)");
            }
        }

        /// <summary>ncat -U: the one positional is the socket's path.</summary>
        public void TakeUnixPath()
        {
            if (!_unix)
            {
                return;
            }
            if (Positionals.Count != 1)
            {
                throw CliException.Usage("nc: -U takes the path of a Unix socket as its one argument (sockit nc -U /tmp/socket)");
            }
            UnixPath = Positionals[0];
            Positionals.Clear();
        }

        /// <summary>What connect and listen share: -u, -v, -4/-6 (connect), -C, --send-only, --recv-only, -i; -U is placed by the caller.</summary>
        public IEnumerable<string> Common()
        {
            if (_udp)
            {
                yield return "-u";
            }
            if (_verbose > 0)
            {
                yield return _verbose == 1 ? "-v" : "-vv";
            }
            if (Family is not null && !Listen)
            {
                yield return Family;
            }
            if (_crlf)
            {
                yield return "-C";
            }
            if (_hex)
            {
                // sockit's own --hex (not ncat's), taken by nc too: the dump ncat's -x writes to a file.
                yield return "--hex";
            }
            if (_sendOnly)
            {
                yield return "--send-only";
            }
            if (_recvOnly)
            {
                yield return "--recv-only";
            }
            if (_idle is not null)
            {
                yield return "--idle-timeout";
                yield return _idle;
            }
        }

        /// <summary>--ssl for connect: ncat checks no certificate unless --ssl-verify; sockit says on stderr when it is not trusted.</summary>
        public IEnumerable<string> TlsClient()
        {
            yield return "--tls";
            if (!_sslVerify && _trustFile is null)
            {
                yield return "--insecure";
            }
            foreach (var (flag, value) in new[] { ("--cacert", _trustFile), ("--sni", _serverName), ("--cert", _sslCert), ("--key", _sslKey) })
            {
                if (value is not null)
                {
                    yield return flag;
                    yield return value;
                }
            }
        }

        /// <summary>--ssl for listen: --ssl-cert and --ssl-key, else a new self-signed certificate (as ncat makes one).</summary>
        public IEnumerable<string> TlsServer()
        {
            yield return "--tls";
            foreach (var (flag, value) in new[] { ("--cert", _sslCert), ("--key", _sslKey) })
            {
                if (value is not null)
                {
                    yield return flag;
                    yield return value;
                }
            }
        }

        /// <summary>ncat's --proxy HOST[:PORT] with --proxy-type and --proxy-auth, as one --proxy URL.</summary>
        public IEnumerable<string> Proxy()
        {
            if (_proxy is null)
            {
                if (_proxyType is not null || _proxyAuth is not null || _proxyDns is not null)
                {
                    throw CliException.Usage("nc: --proxy-type, --proxy-auth and --proxy-dns go with --proxy HOST:PORT");
                }
                yield break;
            }
            var scheme = (_proxyType ?? "http", _proxyDns) switch
            {
                ("http", _) => "http",
                ("socks5", "remote" or "both") => "socks5h",
                ("socks5", _) => "socks5",
                ("socks4", _) => throw CliException.Usage("nc: --proxy-type socks4 is not supported; use socks5 or http"),
                (var other, _) => throw CliException.Usage($"nc: --proxy-type takes http or socks5 (not '{other}')"),
            };
            // ncat's default proxy ports: 3128 for http, 1080 for socks.
            var hostPort = _proxy.Contains(':', StringComparison.Ordinal) && !(_proxy.StartsWith('[') && _proxy.EndsWith(']'))
                ? _proxy
                : $"{_proxy}:{(scheme == "http" ? "3128" : "1080")}";
            yield return "--proxy";
            yield return _proxyAuth is null ? $"{scheme}://{hostPort}" : $"{scheme}://{_proxyAuth}@{hostPort}";
        }

        /// <summary>-e CMD (split on spaces, no shell, as ncat does) or -c LINE, last on the line: --exec takes the rest.</summary>
        public IEnumerable<string> ExecTail()
        {
            if (_exec is not null && _shExec is not null)
            {
                throw CliException.Usage("nc: give -e or -c, not both");
            }
            if (_exec is not null)
            {
                var words = _exec.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length == 0)
                {
                    throw CliException.Usage("nc: -e takes a program to run (sockit nc -l 8000 -e /bin/cat)");
                }
                return ["--exec", .. words];
            }
            return _shExec is not null ? ["--sh-exec", _shExec] : [];
        }
    }
}

namespace Sockit.Services;

/// <summary>
/// The services database (what <c>getservbyname</c> and <c>getservbyport</c> read, and what .NET lacks):
/// the OS's services file, or where there is none (slim containers), a copy embedded in sockit.
/// Lookups follow glibc: the first entry in file order that matches wins. On Linux with glibc, <see cref="System"/>
/// asks glibc itself (getservbyname_r, getservbyport_r, getservent_r), so every source nsswitch.conf names counts, as
/// it does for Python.
/// </summary>
public sealed class ServicesDatabase
{
    private const string EmbeddedResourceName = "Sockit.Services.services.txt";
    private static readonly Lazy<ServicesDatabase> s_system = new(LoadOs);
    private readonly Lazy<IReadOnlyList<ServiceEntry>> _entries;
    private readonly bool _askGlibc;

    private ServicesDatabase(ServicesSource source, IReadOnlyList<ServiceEntry> entries)
    {
        Source = source;
        _entries = new(entries);
    }

    private ServicesDatabase(ServicesSource source)
    {
        Source = source;
        _askGlibc = true;
        _entries = new(() => [.. Interop.Linux.GlibcServices.All().Select(From)]);
    }

    /// <summary>Where the entries came from.</summary>
    public ServicesSource Source { get; }

    /// <summary>Every entry, in file order.</summary>
    public IReadOnlyList<ServiceEntry> Entries => _entries.Value;

    /// <summary>The OS's services file: <c>/etc/services</c>, or <c>drivers\etc\services</c> under the system folder on Windows.</summary>
    public static string DefaultPath => OperatingSystem.IsWindows()
        ? Path.Combine(Environment.SystemDirectory, "drivers", "etc", "services")
        : "/etc/services";

    /// <summary>
    /// The OS's database: glibc's answers where there is glibc, else <see cref="DefaultPath"/> read once; the embedded
    /// copy where that file does not exist or is empty.
    /// </summary>
    public static ServicesDatabase System => s_system.Value;

    /// <summary>Reads <paramref name="path"/>, or the embedded copy when that file does not exist or is empty.</summary>
    public static ServicesDatabase LoadSystem(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return File.Exists(path) && new FileInfo(path).Length > 0 ? LoadFile(path) : LoadEmbedded();
    }

    /// <summary>
    /// Reads a services file. Throws <see cref="FileNotFoundException"/> or another <see cref="IOException"/> when it
    /// cannot, and <see cref="InvalidDataException"/> when it is not a services file: larger than 16 MiB, or a line
    /// longer than 64 KiB (<c>/dev/zero</c>, <c>/dev/urandom</c>), found without reading more than that.
    /// </summary>
    public static ServicesDatabase LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            // One exception type for a missing file or folder, so callers need not tell them apart.
            throw new FileNotFoundException($"services file '{path}' not found", path);
        }
        return new ServicesDatabase(new ServicesSource(path), ServicesFileParser.Parse(ServicesFileReader.ReadText(path)));
    }

    /// <summary>The copy of Debian's services list that ships inside sockit.</summary>
    public static ServicesDatabase LoadEmbedded()
    {
        using var stream = typeof(ServicesDatabase).Assembly.GetManifestResourceStream(EmbeddedResourceName)
            ?? throw new InvalidOperationException($"resource {EmbeddedResourceName} is missing from {typeof(ServicesDatabase).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return new ServicesDatabase(ServicesSource.Embedded, ServicesFileParser.Parse(reader.ReadToEnd()));
    }

    /// <summary>Builds a database from services(5) text, e.g. for tests.</summary>
    public static ServicesDatabase FromText(string text, ServicesSource source) =>
        new(source, ServicesFileParser.Parse(text));

    /// <summary>The first entry named (or aliased) <paramref name="name"/>, for <paramref name="protocol"/> or any protocol when null; null when none.</summary>
    public ServiceEntry? FindByName(string name, string? protocol = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_askGlibc)
        {
            // A NUL ends a C string: no entry has such a name (Python refuses it before asking).
            return name.Contains('\0', StringComparison.Ordinal) || protocol?.Contains('\0', StringComparison.Ordinal) == true
                ? null
                : Interop.Linux.GlibcServices.ByName(name, protocol) is { } entry ? From(entry) : null;
        }
        return Entries.FirstOrDefault(e => e.HasName(name) && (protocol is null || e.Protocol == protocol));
    }

    /// <summary>The first entry on <paramref name="port"/>, for <paramref name="protocol"/> or any protocol when null; null when none.</summary>
    public ServiceEntry? FindByPort(int port, string? protocol = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        if (_askGlibc)
        {
            return protocol?.Contains('\0', StringComparison.Ordinal) == true
                ? null
                : Interop.Linux.GlibcServices.ByPort(port, protocol) is { } entry ? From(entry) : null;
        }
        return Entries.FirstOrDefault(e => e.Port == port && (protocol is null || e.Protocol == protocol));
    }

    /// <summary>As <c>getservbyname</c>: the first entry named (or aliased) <paramref name="name"/>, or a <see cref="LookupException"/> naming what was not found.</summary>
    public ServiceEntry GetByName(string name, string? protocol = null) =>
        FindByName(name, protocol) ?? throw new LookupException($"service '{name}' not found{ForProtocol(protocol)}") { Service = name, Protocol = protocol };

    /// <summary>As <c>getservbyport</c>: the first entry on <paramref name="port"/>, or a <see cref="LookupException"/> naming what was not found.</summary>
    public ServiceEntry GetByPort(int port, string? protocol = null) =>
        FindByPort(port, protocol) ?? throw new LookupException($"no service on port {port}{ForProtocol(protocol)}") { Service = port.ToString(global::System.Globalization.CultureInfo.InvariantCulture), Protocol = protocol };

    /// <summary>Entries of one protocol, or all when <paramref name="protocol"/> is null.</summary>
    public IEnumerable<ServiceEntry> List(string? protocol = null) =>
        protocol is null ? Entries : Entries.Where(e => e.Protocol == protocol);

    private static ServicesDatabase LoadOs()
    {
        var path = DefaultPath;
        var hasFile = File.Exists(path) && new FileInfo(path).Length > 0;
        // glibc answers only where it is the platform in use: the portable platform (chosen, or where glibc is not)
        // reads the file itself, as it promises.
        var askGlibc = hasFile && Interop.Linux.GlibcServices.IsAvailable && Interop.SocketPlatform.Current is Interop.Linux.LinuxSocketPlatform;
        return askGlibc ? new ServicesDatabase(new ServicesSource(path)) : LoadSystem(path);
    }

    private static ServiceEntry From(Interop.OsServiceEntry entry) => new(entry.Name, entry.Port, entry.Protocol, entry.Aliases);

    private static string ForProtocol(string? protocol) => protocol is null ? " for any protocol" : $" for {protocol}";
}

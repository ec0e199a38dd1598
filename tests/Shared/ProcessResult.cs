using System.Text;

namespace Sockit.Testing;

/// <summary>What a finished process printed and returned.</summary>
public sealed record ProcessResult(int ExitCode, byte[] StdoutBytes, string Stderr)
{
    public string Stdout => Encoding.UTF8.GetString(StdoutBytes);
}

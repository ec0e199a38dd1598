using System.Collections;

namespace Sockit.Testing.Http;

/// <summary>
/// A script for <see cref="Sockit.Servers.ScriptedHttpServer"/> that never ends: the same segment, as many times as the
/// client keeps reading. Nothing is materialised; the server stops when the client goes away.
/// </summary>
public sealed class EndlessSegments(byte[] segment) : IReadOnlyList<byte[]>
{
    public int Count => int.MaxValue;

    public byte[] this[int index] => segment;

    public IEnumerator<byte[]> GetEnumerator()
    {
        while (true)
        {
            yield return segment;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

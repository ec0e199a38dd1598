using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Sockit.Http;

namespace Sockit.Bench;

/// <summary>The response reader and chunked decoder over 1 MiB bodies fed in receive-sized pieces.</summary>
[MemoryDiagnoser]
public class HttpReaderBenchmarks
{
    private const int BodySize = 1024 * 1024;
    private byte[] _contentLength = [];
    private byte[] _chunked = [];
    private byte[] _chunkedBody = [];
    private byte[] _head = [];

    /// <summary>How many bytes one receive delivers.</summary>
    [Params(1460, 65536)]
    public int PieceSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var body = new byte[BodySize];
        new Random(1).NextBytes(body);
        const string Head = "HTTP/1.1 200 OK\r\nServer: nginx/1.22.1\r\nDate: Wed, 25 Nov 2026 00:00:00 GMT\r\nContent-Type: application/octet-stream\r\nLast-Modified: Wed, 25 Nov 2026 00:00:00 GMT\r\nConnection: close\r\nETag: \"6740a1c0-100000\"\r\nAccept-Ranges: bytes\r\n";
        _head = Encoding.ASCII.GetBytes(Head + "Content-Length: 0\r\n\r\n");
        _contentLength = [.. Encoding.ASCII.GetBytes(Head + $"Content-Length: {BodySize}\r\n\r\n"), .. body];

        var chunked = new MemoryStream();
        var chunkedBody = new MemoryStream();
        for (var offset = 0; offset < BodySize; offset += 8192)
        {
            var size = Math.Min(8192, BodySize - offset);
            chunkedBody.Write(Encoding.ASCII.GetBytes(size.ToString("x", CultureInfo.InvariantCulture) + "\r\n"));
            chunkedBody.Write(body, offset, size);
            chunkedBody.Write("\r\n"u8);
        }
        chunkedBody.Write("0\r\n\r\n"u8);
        _chunkedBody = chunkedBody.ToArray();
        chunked.Write(Encoding.ASCII.GetBytes(Head + "Transfer-Encoding: chunked\r\n\r\n"));
        chunked.Write(_chunkedBody);
        _chunked = chunked.ToArray();
    }

    [Benchmark(Description = "reader, Content-Length 1 MiB")]
    public long ContentLength() => ReadAll(_contentLength);

    [Benchmark(Description = "reader, chunked 1 MiB in 8 KiB chunks")]
    public long Chunked() => ReadAll(_chunked);

    [Benchmark(Description = "chunked decoder alone, 1 MiB")]
    public long ChunkedDecoderAlone()
    {
        var decoder = new ChunkedDecoder();
        long total = 0;
        for (var offset = 0; offset < _chunkedBody.Length; offset += PieceSize)
        {
            var input = _chunkedBody.AsSpan(offset, Math.Min(PieceSize, _chunkedBody.Length - offset));
            while (true)
            {
                var status = decoder.Decode(input, out var consumed, out var data);
                input = input[consumed..];
                total += data.Length;
                if (status != HttpReadStatus.Body)
                {
                    break;
                }
            }
        }
        return total;
    }

    [Benchmark(Description = "head only (9 fields)")]
    public long HeadOnly() => ReadAll(_head);

    private long ReadAll(byte[] wire)
    {
        var reader = new HttpResponseReader();
        long total = 0;
        for (var offset = 0; offset < wire.Length; offset += PieceSize)
        {
            var input = wire.AsSpan(offset, Math.Min(PieceSize, wire.Length - offset));
            while (true)
            {
                var status = reader.Read(input, out var consumed, out var body);
                input = input[consumed..];
                total += body.Length;
                if (status is HttpReadStatus.NeedMoreData or HttpReadStatus.Complete)
                {
                    break;
                }
            }
        }
        return total;
    }
}

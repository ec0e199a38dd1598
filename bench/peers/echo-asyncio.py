"""echo-asyncio: Python's asyncio streams echo server, one of the servers bench/compare-echo.sh measures, and the
python3 peer the C load generator's tests run against.

    python3 echo-asyncio.py PORT                  echoes on 127.0.0.1:PORT until killed
    python3 echo-asyncio.py PORT --flip-every N   the same, with the lowest bit of every Nth byte flipped (a server the
                                                  load generator must catch)
"""
import asyncio
import sys

port = int(sys.argv[1])
flip_every = int(sys.argv[3]) if len(sys.argv) == 4 and sys.argv[2] == "--flip-every" else 0
count = 0


def corrupt(data):
    global count
    data = bytearray(data)
    for i in range(len(data)):
        count += 1
        if count % flip_every == 0:
            data[i] ^= 1
    return bytes(data)


async def echo(reader, writer):
    try:
        while data := await reader.read(65536):
            writer.write(corrupt(data) if flip_every else data)
            await writer.drain()
    except ConnectionError:
        pass
    finally:
        writer.close()


async def main():
    server = await asyncio.start_server(echo, "127.0.0.1", port)
    await server.serve_forever()


asyncio.run(main())

# QEMU's user network runs this once per guest connection (guestfwd=...-cmd:): it joins the
# connection (stdin/stdout) to a TCP port on the host (the metadata emulator, moto).
import os
import socket
import sys
import threading

upstream = socket.create_connection(("127.0.0.1", int(sys.argv[1])))


def to_upstream():
    while True:
        data = os.read(0, 65536)
        if not data:
            upstream.shutdown(socket.SHUT_WR)
            return
        upstream.sendall(data)


threading.Thread(target=to_upstream, daemon=True).start()
while True:
    data = upstream.recv(65536)
    if not data:
        break
    os.write(1, data)

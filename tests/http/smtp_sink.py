#!/usr/bin/env python3
"""smtp_sink.py: a tiny SMTP server for the tests: stores each message it
accepts as DIR/N.eml, or refuses every message (--fail: 451 after DATA, as a
server in trouble would).  Usage: smtp_sink.py PORT DIR [--fail]"""
import os
import socketserver
import sys

port, outdir = int(sys.argv[1]), sys.argv[2]
fail = "--fail" in sys.argv[3:]
os.makedirs(outdir, exist_ok=True)


class Session(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write((line + "\r\n").encode())

    def handle(self):
        try:
            self.session()
        except (ConnectionError, OSError):
            pass  # a probe that connects and leaves

    def session(self):
        self.reply("220 sink ESMTP")
        rcpt, sender = [], None
        while True:
            line = self.rfile.readline()
            if not line:
                return
            cmd = line.decode("ascii", "replace").strip()
            verb = cmd.split(" ", 1)[0].upper()
            if verb in ("EHLO", "HELO"):
                self.reply("250 sink")
            elif verb == "MAIL":
                sender, rcpt = cmd, []
                self.reply("250 ok")
            elif verb == "RCPT":
                rcpt.append(cmd)
                self.reply("250 ok")
            elif verb == "DATA":
                self.reply("354 go on")
                data = []
                while True:
                    l = self.rfile.readline()
                    if not l or l in (b".\r\n", b".\n"):
                        break
                    data.append(l[1:] if l.startswith(b"..") else l)
                if fail:
                    self.reply("451 4.3.0 sink told to fail")
                    continue
                n = len(os.listdir(outdir)) + 1
                with open(os.path.join(outdir, "%d.eml" % n), "wb") as f:
                    f.write(("X-Sink-From: %s\r\nX-Sink-Rcpt: %s\r\n" % (sender, " ".join(rcpt))).encode())
                    f.write(b"".join(data))
                self.reply("250 queued as %d" % n)
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("250 ok")


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


Server(("127.0.0.1", port), Session).serve_forever()

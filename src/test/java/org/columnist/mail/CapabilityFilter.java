package org.columnist.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A loopback proxy in front of a real IMAP server that hides some of its capabilities: the server's
 * own behaviour, as a server without MOVE (or UIDPLUS) would show it to a client.
 */
final class CapabilityFilter implements AutoCloseable {
  private final ServerSocket listener;
  private final List<String> hidden;

  CapabilityFilter(int serverPort, List<String> hidden) throws IOException {
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.hidden = hidden;
    Thread accept =
        new Thread(
            () -> {
              while (!listener.isClosed()) {
                try {
                  Socket client = listener.accept();
                  Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort);
                  pump(client.getInputStream(), server.getOutputStream(), false);
                  pump(server.getInputStream(), client.getOutputStream(), true);
                } catch (IOException closed) {
                  return;
                }
              }
            },
            "capability-filter");
    accept.setDaemon(true);
    accept.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  private void pump(InputStream in, OutputStream out, boolean filter) {
    Thread t =
        new Thread(
            () -> {
              try (in;
                  out) {
                if (!filter) {
                  byte[] buffer = new byte[8192];
                  for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    out.write(buffer, 0, n);
                    out.flush();
                  }
                  return;
                }
                InputStream lines = new java.io.BufferedInputStream(in);
                ByteArrayOutputStream line = new ByteArrayOutputStream();
                for (int b = lines.read(); b >= 0; b = lines.read()) {
                  line.write(b);
                  if (b == '\n') {
                    out.write(rewrite(line.toByteArray()));
                    out.flush();
                    line.reset();
                  }
                }
              } catch (IOException e) {
                // one side hung up: the other goes with it
              }
            });
    t.setDaemon(true);
    t.start();
  }

  /** A line announcing capabilities loses the hidden ones; any other line passes unchanged. */
  private byte[] rewrite(byte[] bytes) {
    String line = new String(bytes, StandardCharsets.ISO_8859_1);
    if (!line.contains("CAPABILITY")) {
      return bytes;
    }
    for (String capability : hidden) {
      line = line.replace(" " + capability + " ", " ").replace(" " + capability + "]", "]");
      line = line.replaceAll(" " + capability + "(\r?\n)$", "$1");
    }
    return line.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }
}

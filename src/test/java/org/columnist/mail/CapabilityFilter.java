package org.columnist.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback proxy in front of a real IMAP server that hides some of its capabilities, and can play
 * out the races around IDLE: the server's own behaviour, as a server without MOVE (or UIDPLUS), or
 * one that is slow to tell of new mail, would show it to a client.
 */
final class CapabilityFilter implements AutoCloseable {
  private static final Pattern IDLE = Pattern.compile("^(\\S+) IDLE\r?\n$");
  private static final Pattern ANNOUNCEMENT = Pattern.compile("^\\* \\d+ (EXISTS|RECENT)\r?\n$");

  /**
   * What the proxy does around the client's IDLE commands: {@code beforeFirstIdle} runs once, after
   * the client sent its first IDLE and before the server sees it (mail landing exactly between the
   * client's last look and its IDLE); with {@code silentWhileIdling} the server's news of new mail
   * is held back until the IDLE ends, as from a server that announces nothing while idling.
   */
  record Idle(Runnable beforeFirstIdle, boolean silentWhileIdling) {
    static final Idle AS_IS = new Idle(() -> {}, false);
  }

  private final ServerSocket listener;
  private final List<String> hidden;
  private final Idle idle;
  private final AtomicBoolean firstIdle = new AtomicBoolean(true);
  private volatile boolean idling;
  private final List<Socket> open = new java.util.concurrent.CopyOnWriteArrayList<>();

  CapabilityFilter(int serverPort, List<String> hidden) throws IOException {
    this(serverPort, hidden, Idle.AS_IS);
  }

  CapabilityFilter(int serverPort, List<String> hidden, Idle idle) throws IOException {
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.hidden = hidden;
    this.idle = idle;
    Thread accept =
        new Thread(
            () -> {
              while (!listener.isClosed()) {
                try {
                  Socket client = listener.accept();
                  Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort);
                  open.add(client);
                  open.add(server);
                  Connection connection = new Connection();
                  pump(client.getInputStream(), server.getOutputStream(), connection::fromClient);
                  pump(server.getInputStream(), client.getOutputStream(), connection::fromServer);
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

  /** Whether the server has accepted a client's IDLE that has not ended yet. */
  boolean idling() {
    return idling;
  }

  /** Turns one line of one side into the bytes the other side gets (none, or several lines). */
  @FunctionalInterface
  private interface LineFilter {
    byte[] pass(String line);
  }

  private static void pump(InputStream in, OutputStream out, LineFilter filter) {
    Thread t =
        new Thread(
            () -> {
              try (in;
                  out) {
                InputStream lines = new java.io.BufferedInputStream(in);
                ByteArrayOutputStream line = new ByteArrayOutputStream();
                for (int b = lines.read(); b >= 0; b = lines.read()) {
                  line.write(b);
                  if (b == '\n') {
                    out.write(filter.pass(line.toString(StandardCharsets.ISO_8859_1)));
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

  /** One client's session: whether it is idling, and the news held back meanwhile. */
  private final class Connection {
    private String idleTag;
    private final List<String> heldBack = new ArrayList<>();

    synchronized byte[] fromClient(String line) {
      Matcher command = IDLE.matcher(line);
      if (command.matches()) {
        idleTag = command.group(1);
        if (firstIdle.getAndSet(false)) {
          idle.beforeFirstIdle().run();
        }
      }
      return bytes(line);
    }

    synchronized byte[] fromServer(String line) {
      if (idleTag != null && line.startsWith("+")) {
        idling = true;
      }
      if (idleTag != null && idle.silentWhileIdling() && ANNOUNCEMENT.matcher(line).matches()) {
        heldBack.add(line);
        return new byte[0];
      }
      if (idleTag != null && line.startsWith(idleTag + " ")) {
        // The IDLE is over: what was held back comes with the responses to the next command.
        idleTag = null;
        idling = false;
        heldBack.add(0, line);
        String all = String.join("", heldBack);
        heldBack.clear();
        return bytes(all);
      }
      return bytes(line.contains("CAPABILITY") ? withoutHidden(line) : line);
    }
  }

  /** A line announcing capabilities loses the hidden ones. */
  private String withoutHidden(String line) {
    for (String capability : hidden) {
      line = line.replace(" " + capability + " ", " ").replace(" " + capability + "]", "]");
      line = line.replaceAll(" " + capability + "(\r?\n)$", "$1");
    }
    return line;
  }

  private static byte[] bytes(String line) {
    return line.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    listener.close();
    // Hanging up on both sides, so that the server does not wait for sessions of ours.
    for (Socket socket : open) {
      socket.close();
    }
  }
}

package org.columnist.site;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Debian's nginx as a child process serving a folder as {@code www-data}, as a real deployment
 * would: its configuration, pid, logs and temporary files in a folder of its own.
 */
final class Nginx implements AutoCloseable {
  static final Path BINARY = Path.of("/usr/sbin/nginx");

  private final Process process;
  private final int port;
  private final Path work;

  private Nginx(Process process, int port, Path work) {
    this.process = process;
    this.port = port;
    this.work = work;
  }

  /**
   * Starts nginx on a free loopback port with {@code root} as its site; {@code work} holds its
   * files. A port taken between choosing it and binding it is retried with another.
   */
  static Nginx serve(Path root, Path work) throws IOException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      int port = freePort();
      Path conf = work.resolve("nginx.conf");
      Files.writeString(conf, config(root, work, port));
      Process process =
          new ProcessBuilder(BINARY.toString(), "-c", conf.toString(), "-p", work.toString())
              .redirectErrorStream(true)
              .redirectOutput(work.resolve("stdout.log").toFile())
              .start();
      Nginx nginx = new Nginx(process, port, work);
      if (nginx.awaitListening(Duration.ofSeconds(20))) {
        return nginx;
      }
      nginx.close();
      String log = nginx.log();
      if (attempt == 3 || !log.contains("Address already in use")) {
        throw new IllegalStateException("nginx did not start:\n" + log);
      }
    }
  }

  int port() {
    return port;
  }

  /** What nginx said on its way: its output and error log. */
  String log() throws IOException {
    StringBuilder out = new StringBuilder();
    for (String name : List.of("stdout.log", "error.log")) {
      Path file = work.resolve(name);
      if (Files.exists(file)) {
        out.append(Files.readString(file));
      }
    }
    return out.toString();
  }

  private static String config(Path root, Path work, int port) {
    return """
        user www-data;
        daemon off;
        master_process on;
        worker_processes 1;
        pid %1$s/nginx.pid;
        error_log %1$s/error.log;
        events { worker_connections 64; }
        http {
          include /etc/nginx/mime.types;
          access_log %1$s/access.log;
          client_body_temp_path %1$s/client_body;
          proxy_temp_path %1$s/proxy;
          fastcgi_temp_path %1$s/fastcgi;
          uwsgi_temp_path %1$s/uwsgi;
          scgi_temp_path %1$s/scgi;
          server {
            listen 127.0.0.1:%2$d;
            root %3$s;
            index index.html;
          }
        }
        """
        .formatted(work, port, root);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Waits until nginx accepts connections; false if it ended or did not in {@code timeout}. */
  private boolean awaitListening(Duration timeout) {
    try {
      await()
          .atMost(timeout)
          .pollInterval(Duration.ofMillis(50))
          .until(() -> !process.isAlive() || accepts());
    } catch (ConditionTimeoutException e) {
      return false;
    }
    return process.isAlive();
  }

  private boolean accepts() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException notYet) {
      return false;
    }
  }

  /** Stops nginx and its workers: TERM to the master, which ends the workers first. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException("interrupted while stopping nginx", e));
    }
  }
}

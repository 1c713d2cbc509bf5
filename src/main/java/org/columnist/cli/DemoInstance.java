package org.columnist.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.columnist.config.InstanceSkeleton;
import org.columnist.store.Sql;
import org.columnist.store.Store;

/**
 * The demo's instance folder: made from the skeleton on first use with the demo's mail settings,
 * reused as it is on every later run, and always pointing {@code site.base_url} at the demo's own
 * site so that every link Columnist writes (the editor's, the CLI's, the reader's notice) opens.
 *
 * @param config its {@code config/columnist.yml}
 * @param reused whether the folder was there already (its samples were mailed on its first run)
 */
record DemoInstance(Path config, boolean reused) {
  private static final Pattern BASE_URL = Pattern.compile("(?m)^  base_url: .*$");

  /** The instance in {@code dir}, made if missing, its base URL set to the site on {@code port}. */
  static DemoInstance prepare(Path dir, int imapPort, int smtpPort, int publicPort)
      throws IOException {
    Path config = dir.resolve("config/columnist.yml");
    boolean reused = Files.exists(config);
    if (!reused) {
      InstanceSkeleton.copyTo(dir);
      Files.writeString(dir.resolve("mailbox-password"), newPassword() + "\n");
      Files.writeString(
          config,
          Files.readString(config)
              + """
              mail:
                protocol: imap
                host: 127.0.0.1
                port: %d
                user: %s
                password_file: mailbox-password
                poll_interval: 5s
              smtp:
                host: 127.0.0.1
                port: %d
                security: none
                from: "Coach's Corner <%s>"
              # The sample columns are years old: open for responses, so the demo can show them.
              responses:
                close_after: 36500d
              """
                  .formatted(imapPort, DemoCommand.ADDRESS, smtpPort, DemoCommand.ADDRESS));
    }
    String text = Files.readString(config);
    String site = "  base_url: http://127.0.0.1:" + publicPort + "/";
    String pointed = BASE_URL.matcher(text).replaceFirst(Matcher.quoteReplacement(site));
    if (!pointed.equals(text)) {
      Files.writeString(config, pointed);
    }
    return new DemoInstance(config, reused);
  }

  /**
   * Every reader the demo has written to or heard from. The demo's mail server keeps nothing across
   * runs, so their mailboxes are made again at start (password: the address) for a mail client to
   * log in to.
   */
  static List<String> readers(Store store) {
    return store.inTransaction(
        db ->
            Sql.list(
                db,
                """
                SELECT sender_address FROM questions WHERE sender_address IS NOT NULL
                UNION SELECT to_address FROM outbox""",
                rs -> rs.getString(1)));
  }

  static String newPassword() {
    byte[] bytes = new byte[12];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}

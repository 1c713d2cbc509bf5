package org.columnist.queue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.columnist.TestClock;
import org.columnist.archive.Archive;
import org.columnist.config.Config;
import org.columnist.config.Templates;
import org.columnist.config.TestConfig;
import org.columnist.mail.MailLog;
import org.columnist.outbox.MailTemplates;
import org.columnist.outbox.Outbox;
import org.columnist.store.Sql;
import org.columnist.store.Store;

/** An instance on disk (site in America/Chicago) with a queue on a clock the test sets. */
final class QueueFixture {
  final Path dir;
  final Config config;
  final TestClock clock = new TestClock(Instant.parse("2026-10-30T15:00:00Z"));
  final Store store;
  final Archive archive;

  QueueFixture(Path dir) {
    this.dir = dir;
    config = TestConfig.aConfig().withTimeZone("America/Chicago").loadIn(dir);
    store = Store.open(dir.resolve("data/columnist.db"));
    archive = new Archive(config.paths().archive());
  }

  /** A queue as a separate process would have it: its own store connection. */
  Queue queue() {
    return queue(file -> {});
  }

  /** The same, with {@code checkpoint} reached once a publication's archive file is written. */
  Queue queue(Publisher.Checkpoint checkpoint) {
    Store own = Store.open(dir.resolve("data/columnist.db"));
    Outbox outbox = new Outbox(own, "ask@column.example", 8, clock);
    return new Queue(
        own,
        archive,
        config,
        outbox,
        new MailTemplates(new Templates(dir.resolve("templates")), config),
        new MailLog(own)::followUps,
        (db, id, column, url) -> {},
        clock,
        checkpoint);
  }

  /** A reader's question as intake stores it; returns its id. */
  long question(String address, String name, String subject, String body) {
    return store.inTransaction(
        db ->
            Sql.insert(
                db,
                """
                INSERT INTO questions(state, origin, sender_address, sender_name, subject, body, received_at, updated_at)
                VALUES ('new', 'mail', ?, ?, ?, ?, ?, ?)""",
                address,
                name,
                subject,
                body,
                clock.instant().toString(),
                clock.instant().toString()));
  }

  /** A reader's question whose mail intake stored with {@code signature}; returns its id. */
  long signedQuestion(String address, String name, String signature) {
    long id = question(address, name, "Credit for my work", "My manager takes the credit.");
    store.inTransaction(
        db -> {
          long message =
              Sql.insert(
                  db,
                  """
                  INSERT INTO messages(mailbox, uidvalidity, uid, raw_hash, content_hash, sender, size, raw,
                                       outcome, reason, question_id, fetched_at, signature)
                  VALUES ('INBOX', 1, ?, 'r', 'c', ?, 1, x'00', 'question', 'new question', ?, ?, ?)""",
                  "u" + id,
                  address,
                  id,
                  clock.instant().toString(),
                  signature);
          return Sql.update(db, "UPDATE questions SET message_id = ? WHERE id = ?", message, id);
        });
    return id;
  }

  long question() {
    return question(
        "mary@example.com",
        "Mary Reader",
        "Caught between my boss and a client",
        "Age: 47\nIndustry: Agribusiness\nWhat should I do?");
  }

  List<String> column(String sql, Object... params) {
    return store.inTransaction(db -> Sql.list(db, sql, rs -> rs.getString(1), params));
  }

  String state(long id) {
    return column("SELECT state FROM questions WHERE id = ?", id).get(0);
  }
}

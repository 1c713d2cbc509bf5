package org.columnist.newsletter;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.columnist.ColumnistException;
import org.columnist.Problem;
import org.columnist.newsletter.Subscribers.State;

/**
 * Takes in a CSV of addresses exported from another mailing service. The e-mail column is found by
 * its header, or as the first column that holds an address. An address already stored is left as it
 * is, so an import never revives someone who unsubscribed or was suppressed. Imported addresses are
 * pending (and get no mail) unless the coach vouches that they confirmed elsewhere, with a reason
 * kept in each one's history.
 */
public final class Import {
  /** Headers the big services give their e-mail column, lower-cased without spaces or dashes. */
  private static final Set<String> HEADERS =
      Set.of("email", "emailaddress", "address", "mail", "subscriberemail", "emails");

  // Rows are committed in batches: a crash loses at most one batch, and running the same import
  // again finds the rows already taken in ("already there") and adds the rest.
  private static final int BATCH = 500;

  private final Roster roster;

  public Import(Roster roster) {
    this.roster = roster;
  }

  /** How the imported come in: pending, or confirmed for a reason the coach gives. */
  public record Mode(boolean confirmed, String reason) {
    public Mode {
      if (confirmed && (reason == null || reason.isBlank())) {
        throw new ColumnistException(
            "--confirmed needs --reason: say where and how these addresses confirmed, e.g."
                + " --reason \"confirmed on Buttondown before 2026-05\"");
      }
    }
  }

  /** What an import did; {@code invalid} holds one problem per line skipped. */
  public record Report(int added, int alreadyThere, List<Problem> invalid) {}

  /** Told every so many records, so that a large file shows it is moving. */
  @FunctionalInterface
  public interface Progress {
    void records(int done);
  }

  /** Imports the CSV read from {@code csv}; {@code file} names it in problems. */
  public Report run(Path file, Reader csv, Mode mode, Progress progress) {
    try {
      return read(file, new CsvRecords(csv), mode, progress);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Report read(Path file, CsvRecords records, Mode mode, Progress progress)
      throws IOException {
    List<Problem> invalid = new ArrayList<>();
    List<CsvRecords.Record> batch = new ArrayList<>();
    int[] counts = new int[2]; // added, already there
    int column = -1;
    int done = 0;
    for (CsvRecords.Record r = records.next(); r != null; r = records.next()) {
      if (r.fields().size() == 1 && r.fields().get(0).isBlank()) {
        continue;
      }
      if (column < 0) {
        column = header(r.fields());
        if (column >= 0) {
          continue;
        }
        column = firstAddress(r.fields());
        if (column < 0) {
          continue; // a header we do not know; the data below tells where the addresses are
        }
      }
      batch.add(r);
      if (batch.size() == BATCH) {
        store(file, batch, column, mode, counts, invalid);
        batch.clear();
      }
      if (++done % 1000 == 0) {
        progress.records(done);
      }
    }
    store(file, batch, column, mode, counts, invalid);
    return new Report(counts[0], counts[1], invalid);
  }

  private void store(
      Path file,
      List<CsvRecords.Record> batch,
      int column,
      Mode mode,
      int[] counts,
      List<Problem> invalid) {
    if (batch.isEmpty()) {
      return;
    }
    roster
        .store()
        .inTransaction(
            db -> {
              for (CsvRecords.Record r : batch) {
                String field = column < r.fields().size() ? r.fields().get(column) : "";
                Optional<String> address = Subscribers.address(field);
                if (address.isEmpty()) {
                  invalid.add(
                      new Problem(
                          file,
                          r.line(),
                          (field.isBlank() ? "no address" : "'" + field + "' is not an address")));
                } else if (take(db, address.get(), mode)) {
                  counts[0]++;
                } else {
                  counts[1]++;
                }
              }
              return null;
            });
  }

  private boolean take(Connection db, String address, Mode mode) throws SQLException {
    if (roster.subscribers().find(db, address).isPresent()) {
      return false;
    }
    long id =
        roster.insert(db, address, mode.confirmed() ? State.CONFIRMED : State.PENDING, "import");
    roster
        .subscribers()
        .event(
            db,
            id,
            "imported",
            mode.confirmed()
                ? "imported as confirmed: " + mode.reason().strip()
                : "imported as pending: no mail sent");
    return true;
  }

  private static int header(List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      String name = fields.get(i).toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
      if (HEADERS.contains(name)) {
        return i;
      }
    }
    return -1;
  }

  private static int firstAddress(List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (Subscribers.address(fields.get(i)).isPresent()) {
        return i;
      }
    }
    return -1;
  }
}

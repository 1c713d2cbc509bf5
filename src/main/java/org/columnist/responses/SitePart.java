package org.columnist.responses;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.columnist.Sha256;
import org.columnist.config.Config;
import org.columnist.site.FormTokens;
import org.columnist.site.ReaderSide;
import org.columnist.site.Readers;
import org.columnist.store.Sql;
import org.columnist.store.Store;

/**
 * What readers add to the static site, read from the database for the build: each column's approved
 * responses and helpful count, whether it still takes responses ({@code responses.close_after}),
 * and the signed tokens of the forms the pages carry.
 */
public final class SitePart implements ReaderSide {
  /** Every column's approved responses, by slug and then as each column shows them. */
  private static final String ALL_APPROVED =
      """
      SELECT slug, id, name, confirmed_at, body, reply FROM responses
      WHERE state = 'approved' ORDER BY slug, confirmed_at, id""";

  private final Config config;
  private final Store store;
  private final FormTokens tokens;
  private final Clock clock;
  private final Votes votes;

  /** Over {@code votes}, the same the public server counts into. */
  public SitePart(Config config, Store store, Votes votes, FormTokens tokens, Clock clock) {
    this.config = config;
    this.store = store;
    this.votes = votes;
    this.tokens = tokens;
    this.clock = clock;
  }

  @Override
  public Readers column(String slug, LocalDate date) {
    return readers(slug, date, approved(slug), votes.helpful(slug));
  }

  private Readers readers(String slug, LocalDate date, List<Readers.Response> approved, long yes) {
    boolean open = open(date);
    return new Readers(
        approved,
        open,
        shown(yes),
        open ? tokens.forPage("respond", slug) : "",
        tokens.forPage("vote", slug));
  }

  @Override
  public ReaderSide forAllPages() {
    Map<String, List<Readers.Response>> approved = new HashMap<>();
    store.read(
        db ->
            Sql.list(
                db,
                ALL_APPROVED,
                rs ->
                    approved
                        .computeIfAbsent(rs.getString(1), s -> new ArrayList<>())
                        .add(response(rs, 2))));
    Map<String, Long> helpful = votes.helpful();
    return new ReaderSide() {
      @Override
      public Readers column(String slug, LocalDate date) {
        return readers(
            slug, date, approved.getOrDefault(slug, List.of()), helpful.getOrDefault(slug, 0L));
      }

      @Override
      public Map<String, String> fingerprints() {
        return SitePart.this.fingerprints();
      }

      @Override
      public boolean open(LocalDate date) {
        return SitePart.this.open(date);
      }

      @Override
      public String pageToken(String form) {
        return SitePart.this.pageToken(form);
      }
    };
  }

  @Override
  public Map<String, String> fingerprints() {
    Map<String, String> prints = new HashMap<>(responsePrints());
    votes
        .helpful()
        .forEach(
            (slug, yes) -> {
              if (shown(yes) > 0) {
                prints.merge(slug, "helpful " + yes, (a, b) -> a + " " + b);
              }
            });
    return prints;
  }

  /** The count of yes votes a page shows: none below {@code votes.show_from}. */
  private long shown(long yes) {
    return yes >= config.votes().showFrom() ? yes : 0;
  }

  @Override
  public boolean open(LocalDate date) {
    return open(config, clock, date);
  }

  /** The one rule: a column takes responses until {@code responses.close_after} past its date. */
  static boolean open(Config config, Clock clock, LocalDate date) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), config.site().timeZone());
    return !date.plusDays(config.responses().closeAfter().toDays()).isBefore(today);
  }

  /** Column {@code slug}'s approved responses, oldest first, dated in the site's time zone. */
  private List<Readers.Response> approved(String slug) {
    return store.read(
        db ->
            Sql.list(
                db,
                """
                SELECT id, name, confirmed_at, body, reply FROM responses
                WHERE slug = ? AND state = 'approved' ORDER BY confirmed_at, id""",
                rs -> response(rs, 1),
                slug));
  }

  /** The response in the row's columns from {@code first}: id, name, confirmed_at, body, reply. */
  private Readers.Response response(ResultSet rs, int first) throws SQLException {
    return new Readers.Response(
        rs.getLong(first),
        rs.getString(first + 1),
        LocalDate.ofInstant(Instant.parse(rs.getString(first + 2)), zone()).toString(),
        rs.getString(first + 3),
        rs.getString(first + 4));
  }

  /** A hash of each column's approved responses and replies, by slug, in one query. */
  private Map<String, String> responsePrints() {
    Map<String, StringBuilder> texts = new HashMap<>();
    store.read(
        db ->
            Sql.list(
                db,
                ALL_APPROVED,
                rs -> {
                  StringBuilder text =
                      texts.computeIfAbsent(rs.getString(1), s -> new StringBuilder());
                  for (int i = 2; i <= 6; i++) {
                    String field = rs.getString(i);
                    text.append(field == null ? "-" : field.length() + ":" + field).append('|');
                  }
                  return null;
                }));
    Map<String, String> prints = new HashMap<>();
    texts.forEach(
        (slug, text) ->
            prints.put(slug, Sha256.hex(text.toString().getBytes(StandardCharsets.UTF_8))));
    return prints;
  }

  @Override
  public String pageToken(String form) {
    return tokens.forPage(form, FormTokens.NO_SLUG);
  }

  private ZoneId zone() {
    return config.site().timeZone();
  }
}

package org.columnist.responses;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.columnist.config.Config;
import org.columnist.site.FormTokens;
import org.columnist.site.ReaderSide;
import org.columnist.site.Readers;
import org.columnist.store.Store;

/**
 * What readers add to the static site, read from the database for the build: each column's approved
 * responses and helpful count, whether it still takes responses ({@code responses.close_after}),
 * and the signed tokens of the forms the pages carry.
 */
public final class SitePart implements ReaderSide {
  private final Config config;
  private final Store store;
  private final FormTokens tokens;
  private final Clock clock;
  private final Votes votes;

  public SitePart(Config config, Store store, FormTokens tokens, Clock clock) {
    this.config = config;
    this.store = store;
    this.tokens = tokens;
    this.clock = clock;
    this.votes = new Votes(store, clock, config.site().timeZone());
  }

  @Override
  public Readers column(String slug, LocalDate date) {
    boolean open = open(date);
    return new Readers(
        List.of(),
        open,
        shown(votes.helpful(slug)),
        open ? tokens.forPage("respond", slug) : "",
        tokens.forPage("vote", slug));
  }

  @Override
  public Map<String, String> fingerprints() {
    Map<String, String> prints = new HashMap<>();
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
    LocalDate today = LocalDate.ofInstant(clock.instant(), zone());
    return !date.plusDays(config.responses().closeAfter().toDays()).isBefore(today);
  }

  @Override
  public String pageToken(String form) {
    return tokens.forPage(form, FormTokens.NO_SLUG);
  }

  private ZoneId zone() {
    return config.site().timeZone();
  }
}

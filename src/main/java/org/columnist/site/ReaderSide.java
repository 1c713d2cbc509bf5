package org.columnist.site;

import java.time.LocalDate;
import java.util.Map;

/**
 * What the database adds to the static pages, which the build asks for: each column page's {@link
 * Readers}, and the tokens of the forms every page carries (subscribe, ask). The site does not read
 * the database itself; {@code cli/Wiring} gives the builder one of these.
 */
public interface ReaderSide {
  /** What readers added to the page of column {@code slug}, dated {@code date}. */
  Readers column(String slug, LocalDate date);

  /**
   * A fingerprint of {@link #column} for each column with anything from readers (responses shown, a
   * count shown), by slug: an incremental build renders again the pages whose fingerprint changed,
   * came or went. One query, not one per column.
   */
  Map<String, String> fingerprints();

  /**
   * Whether a column dated {@code date} takes responses today. When one is closed, so is every
   * older one: a build asks, newest first, only until the first closed one.
   */
  boolean open(LocalDate date);

  /** The token of site-wide form {@code form} ({@code subscribe}, {@code ask}). */
  String pageToken(String form);

  /**
   * The same answers for a build that draws every column page, read now for all columns at once
   * (two queries, not two a page). A few pages are cheaper drawn from this one.
   */
  default ReaderSide forAllPages() {
    return this;
  }

  /** No database: no responses, no counts, no form tokens (the CLI's {@code build} without one). */
  ReaderSide NONE =
      new ReaderSide() {
        @Override
        public Readers column(String slug, LocalDate date) {
          return Readers.NONE;
        }

        @Override
        public Map<String, String> fingerprints() {
          return Map.of();
        }

        @Override
        public boolean open(LocalDate date) {
          return false;
        }

        @Override
        public String pageToken(String form) {
          return "";
        }
      };
}

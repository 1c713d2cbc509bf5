package org.columnist.site;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.columnist.column.Slug;

/**
 * The published columns in site order (newest first) and the lists made of them: the home pages,
 * each year and month, each topic and industry. Each list knows the pages it makes.
 */
final class Catalog {
  static final int PER_PAGE = 10;

  /**
   * A paginated list of columns at {@code base} (e.g. {@code topics/burnout/}), newest first. Its
   * numbered pages are fixed slices counted from the oldest, so that a new column changes only the
   * newest end: {@code page/1/} holds the {@value #PER_PAGE} oldest columns, {@code page/2/} the
   * next, and so on. Only full slices are numbered, and not the newest full one: the list's front
   * page (its base) shows that slice with the columns after it, between {@value #PER_PAGE} and
   * twice as many less one, and no column is on two pages.
   */
  record Listing(String kind, String base, String name, List<Summary> items) {
    /** How many numbered pages the list has (0 for a list that fits on its front). */
    int numbered() {
      return Math.max(0, items.size() / PER_PAGE - 1);
    }

    /** The output file of numbered page {@code n}, or of the front for 0. */
    String file(int n) {
      return base + (n == 0 ? "" : "page/" + n + "/") + "index.html";
    }

    /** The columns on numbered page {@code n}, or on the front for 0, newest first. */
    List<Summary> page(int n) {
      int size = items.size();
      return n == 0
          ? items.subList(0, size - numbered() * PER_PAGE)
          : items.subList(size - n * PER_PAGE, size - (n - 1) * PER_PAGE);
    }

    /** The list's feed, for those that have one. */
    String feed() {
      return base + "feed.xml";
    }

    /** What names the list among all: two lists of the same kind and base are one. */
    String key() {
      return kind + ":" + base;
    }
  }

  // Newest first, a day's columns by slug. Written out, not composed of comparing() and
  // reversed(): a catalog of a large archive is sorted at every publication.
  private static final Comparator<Summary> SITE_ORDER =
      (a, b) -> {
        int byDate = b.date().compareTo(a.date());
        return byDate != 0 ? byDate : a.slug().compareTo(b.slug());
      };

  final List<Summary> columns;
  final Map<String, Listing> listings = new LinkedHashMap<>();

  Catalog(Iterable<Summary> summaries) {
    List<Summary> all = new ArrayList<>();
    summaries.forEach(all::add);
    all.sort(SITE_ORDER);
    this.columns = List.copyOf(all);
    add(new Listing("home", "", "", columns));
    Map<String, List<Summary>> years = new TreeMap<>(Comparator.reverseOrder());
    Map<String, List<Summary>> months = new TreeMap<>(Comparator.reverseOrder());
    Map<String, List<Summary>> tags = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    Map<String, List<Summary>> industries = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Summary s : columns) {
      years.computeIfAbsent(s.date().substring(0, 4), k -> new ArrayList<>()).add(s);
      months.computeIfAbsent(s.date().substring(0, 7), k -> new ArrayList<>()).add(s);
      for (String tag : s.tags()) {
        tags.computeIfAbsent(tag, k -> new ArrayList<>()).add(s);
      }
      if (s.industry() != null) {
        industries.computeIfAbsent(s.industry(), k -> new ArrayList<>()).add(s);
      }
    }
    years.forEach((y, items) -> add(new Listing("year", y + "/", y, items)));
    months.forEach((m, items) -> add(new Listing("month", m.replace('-', '/') + "/", m, items)));
    tags.forEach(
        (t, items) -> add(new Listing("topic", "topics/" + Slug.fromTitle(t) + "/", t, items)));
    industries.forEach(
        (i, items) ->
            add(new Listing("industry", "industries/" + Slug.fromTitle(i) + "/", i, items)));
  }

  private void add(Listing listing) {
    // Two topics that differ only in case or punctuation share a page: merge them.
    listings.merge(
        listing.key(),
        listing,
        (a, b) -> {
          List<Summary> merged = new ArrayList<>(a.items());
          b.items().stream().filter(s -> !merged.contains(s)).forEach(merged::add);
          merged.sort(SITE_ORDER);
          return new Listing(a.kind(), a.base(), a.name(), merged);
        });
  }

  List<Listing> of(String kind) {
    return listings.values().stream().filter(l -> l.kind().equals(kind)).toList();
  }

  Listing home() {
    return listings.get("home:");
  }

  /** The column before (newer) and after (older) {@code index} in site order. */
  Summary newer(int index) {
    return index > 0 ? columns.get(index - 1) : null;
  }

  Summary older(int index) {
    return index + 1 < columns.size() ? columns.get(index + 1) : null;
  }
}

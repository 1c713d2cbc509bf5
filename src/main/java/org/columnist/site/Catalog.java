package org.columnist.site;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
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
    list();
  }

  private Catalog(List<Summary> sorted) {
    this.columns = sorted;
    list();
  }

  /**
   * This catalog with the columns of {@code sources} taken out and {@code added} put in: what a
   * publication makes of the last build's catalog, without sorting the whole archive again.
   */
  Catalog patched(Set<String> sources, Collection<Summary> added) {
    List<Summary> all = new ArrayList<>(columns.size() + added.size());
    for (Summary s : columns) {
      if (!sources.contains(s.source())) {
        all.add(s);
      }
    }
    for (Summary s : added) {
      int at = Collections.binarySearch(all, s, SITE_ORDER);
      all.add(at < 0 ? -at - 1 : at, s);
    }
    return new Catalog(List.copyOf(all));
  }

  /** Where {@code s} is in site order, or a negative number when it is not here. */
  int indexOf(Summary s) {
    int at = Collections.binarySearch(columns, s, SITE_ORDER);
    return at >= 0 && columns.get(at).equals(s) ? at : -1;
  }

  /**
   * A kind of list other than the home page's: what it files a column by (its day, its tags), the
   * list's name for each of those, the names' order, and the base of the list of a name.
   */
  private record Kind(
      String kind,
      Function<Summary, List<String>> by,
      Function<String, String> name,
      Comparator<String> order,
      Function<String, String> base) {}

  private static final List<Kind> KINDS =
      List.of(
          new Kind(
              "year",
              s -> List.of(s.date()),
              day -> day.substring(0, 4),
              Comparator.reverseOrder(),
              y -> y + "/"),
          new Kind(
              "month",
              s -> List.of(s.date()),
              day -> day.substring(0, 7),
              Comparator.reverseOrder(),
              m -> m.replace('-', '/') + "/"),
          new Kind(
              "topic",
              Summary::tags,
              Function.identity(),
              String.CASE_INSENSITIVE_ORDER,
              t -> "topics/" + Slug.fromTitle(t) + "/"),
          new Kind(
              "industry",
              s -> s.industry() == null ? List.of() : List.of(s.industry()),
              Function.identity(),
              String.CASE_INSENSITIVE_ORDER,
              i -> "industries/" + Slug.fromTitle(i) + "/"));

  private void list() {
    add(new Listing("home", "", "", columns));
    for (Kind kind : KINDS) {
      group(kind)
          .forEach(
              (name, items) -> add(new Listing(kind.kind(), kind.base().apply(name), name, items)));
    }
  }

  /** The {@link Listing#key()} of every list that holds {@code s}. */
  static Set<String> keysOf(Summary s) {
    Set<String> keys = new HashSet<>();
    keys.add("home:");
    for (Kind kind : KINDS) {
      for (String by : kind.by().apply(s)) {
        keys.add(kind.kind() + ":" + kind.base().apply(kind.name().apply(by)));
      }
    }
    return keys;
  }

  /**
   * The columns of each list of {@code kind}, in site order, by name in the kind's order; names it
   * holds equal (a tag in two cases) share one list under the first. Grouped by hash first, each
   * name made once of a distinct day or tag: a large archive's catalog is made at every
   * publication.
   */
  private Map<String, List<Summary>> group(Kind kind) {
    Map<String, List<Summary>> exact = new LinkedHashMap<>();
    for (Summary s : columns) {
      for (String by : kind.by().apply(s)) {
        exact.computeIfAbsent(by, k -> new ArrayList<>()).add(s);
      }
    }
    Map<String, List<Summary>> grouped = new TreeMap<>(kind.order());
    exact.forEach(
        (by, items) ->
            grouped.computeIfAbsent(kind.name().apply(by), k -> new ArrayList<>()).addAll(items));
    // Stable, and linear on lists already in order: a column tagged in both cases stays twice.
    grouped.values().forEach(items -> items.sort(SITE_ORDER));
    return grouped;
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

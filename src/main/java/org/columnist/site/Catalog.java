package org.columnist.site;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
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

  /**
   * {@code sorted} listed with the topics and industries of {@code before} that no column of {@code
   * sources} (taken out) or {@code added} is in kept as they are: only the lists those columns are
   * in are made again, from the columns that list had and the added ones.
   */
  private Catalog(
      List<Summary> sorted, Catalog before, Set<String> sources, Collection<Summary> added) {
    this.columns = sorted;
    add(new Listing("home", "", "", columns));
    dated();
    Set<String> touched = new HashSet<>();
    for (Summary s : before.columns) {
      if (sources.contains(s.source())) {
        touched.addAll(keysOf(s));
      }
    }
    added.forEach(s -> touched.addAll(keysOf(s)));
    for (Named named : NAMED) {
      List<Listing> lists = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (Listing was : before.of(named.kind())) {
        seen.add(was.key());
        if (!touched.contains(was.key())) {
          lists.add(was);
          continue;
        }
        // Each column once: one with a name twice is on its list twice, and the list is made
        // again from the columns' names.
        List<Summary> kept = new ArrayList<>();
        for (Summary s : was.items()) {
          if (!sources.contains(s.source()) && (kept.isEmpty() || kept.get(kept.size() - 1) != s)) {
            kept.add(s);
          }
        }
        lists.addAll(named.lists(withAdded(kept, added), was.base()));
      }
      for (String key : touched) {
        if (key.startsWith(named.kind() + ":") && !seen.contains(key)) {
          String base = key.substring(key.indexOf(':') + 1);
          lists.addAll(named.lists(withAdded(new ArrayList<>(), added), base));
        }
      }
      lists.sort(Comparator.comparing(Listing::name, String.CASE_INSENSITIVE_ORDER));
      lists.forEach(this::add);
    }
  }

  /** {@code columns}, in site order, with those of {@code added} not in it put in their place. */
  private static List<Summary> withAdded(List<Summary> columns, Collection<Summary> added) {
    for (Summary s : added) {
      int at = Collections.binarySearch(columns, s, SITE_ORDER);
      if (at < 0) {
        columns.add(-at - 1, s);
      }
    }
    return columns;
  }

  /** The lists named by a column's tags or industry: one list per name, at the name's slug. */
  private record Named(
      String kind, Function<Summary, List<String>> names, Function<String, String> base) {
    /**
     * The lists of this kind that {@code columns} make (all of them, for {@code at} null), or only
     * the one at {@code at}, from the names of theirs that have that base.
     */
    List<Listing> lists(List<Summary> columns, String at) {
      Map<String, String> bases = new HashMap<>();
      Function<Summary, List<String>> which =
          at == null
              ? names
              : s ->
                  names.apply(s).stream()
                      .filter(n -> bases.computeIfAbsent(n, base).equals(at))
                      .toList();
      Map<String, Listing> byKey = new LinkedHashMap<>();
      byName(columns, which)
          .forEach((name, items) -> merge(byKey, new Listing(kind, base.apply(name), name, items)));
      return List.copyOf(byKey.values());
    }
  }

  private static final List<Named> NAMED =
      List.of(
          new Named("topic", Summary::tags, Catalog::topicBase),
          new Named(
              "industry",
              s -> s.industry() == null ? List.of() : List.of(s.industry()),
              Catalog::industryBase));

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
    return new Catalog(List.copyOf(all), this, sources, added);
  }

  /** Where {@code s} is in site order, or a negative number when it is not here. */
  int indexOf(Summary s) {
    int at = Collections.binarySearch(columns, s, SITE_ORDER);
    return at >= 0 && columns.get(at).equals(s) ? at : -1;
  }

  private void list() {
    add(new Listing("home", "", "", columns));
    dated();
    NAMED.forEach(named -> named.lists(columns, null).forEach(this::add));
  }

  private void dated() {
    runs(4).forEach((y, items) -> add(new Listing("year", yearBase(y), y, items)));
    runs(7).forEach((m, items) -> add(new Listing("month", monthBase(m), m, items)));
  }

  private static String yearBase(String year) {
    return year + "/";
  }

  private static String monthBase(String month) {
    return month.replace('-', '/') + "/";
  }

  private static String topicBase(String tag) {
    return "topics/" + Slug.fromTitle(tag) + "/";
  }

  private static String industryBase(String industry) {
    return "industries/" + Slug.fromTitle(industry) + "/";
  }

  /** The {@link Listing#key()} of every list that holds {@code s}. */
  static Set<String> keysOf(Summary s) {
    Set<String> keys = new HashSet<>();
    keys.add("home:");
    keys.add("year:" + yearBase(s.date().substring(0, 4)));
    keys.add("month:" + monthBase(s.date().substring(0, 7)));
    s.tags().forEach(t -> keys.add("topic:" + topicBase(t)));
    if (s.industry() != null) {
      keys.add("industry:" + industryBase(s.industry()));
    }
    return keys;
  }

  /**
   * The columns by the first {@code length} characters of their date (the year, the month), newest
   * first: in site order a year's or a month's columns come one after another.
   */
  private Map<String, List<Summary>> runs(int length) {
    Map<String, List<Summary>> runs = new LinkedHashMap<>();
    String key = null;
    List<Summary> run = null;
    for (Summary s : columns) {
      if (key == null || !s.date().startsWith(key)) {
        key = s.date().substring(0, length);
        run = new ArrayList<>();
        runs.put(key, run);
      }
      run.add(s);
    }
    return runs;
  }

  /**
   * The columns by each of their {@code names} (tags, industry), in site order, with the names in
   * case-insensitive order and those equal but for case sharing one list under the first. Grouped
   * by hash first: a large archive's catalog is made at every publication, and few names differ.
   */
  private static Map<String, List<Summary>> byName(
      List<Summary> columns, Function<Summary, List<String>> names) {
    Map<String, List<Summary>> exact = new LinkedHashMap<>();
    for (Summary s : columns) {
      for (String name : names.apply(s)) {
        exact.computeIfAbsent(name, k -> new ArrayList<>()).add(s);
      }
    }
    Map<String, List<Summary>> grouped = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    exact.forEach(
        (name, items) -> {
          List<Summary> same = grouped.putIfAbsent(name, items);
          if (same != null) {
            same.addAll(items);
            same.sort(SITE_ORDER); // stable: a column tagged in both cases stays on it twice
          }
        });
    return grouped;
  }

  private void add(Listing listing) {
    merge(listings, listing);
  }

  private static void merge(Map<String, Listing> listings, Listing listing) {
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

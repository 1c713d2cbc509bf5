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

  /** A paginated list of columns at {@code base} (e.g. {@code topics/burnout/}). */
  record Listing(String kind, String base, String name, List<Summary> items) {
    int pages() {
      return Math.max(1, (items.size() + PER_PAGE - 1) / PER_PAGE);
    }

    /** The output file of page {@code n} (1-based). */
    String file(int n) {
      return base + (n == 1 ? "" : "page/" + n + "/") + "index.html";
    }

    List<Summary> page(int n) {
      return items.subList((n - 1) * PER_PAGE, Math.min(items.size(), n * PER_PAGE));
    }

    /** The list's feed, for those that have one. */
    String feed() {
      return base + "feed.xml";
    }

    /** What names the list among all: two lists of the same kind and base are one. */
    String key() {
      return kind + ":" + base;
    }

    List<String> keys() {
      return items.stream().map(Summary::source).toList();
    }
  }

  final List<Summary> columns;
  final Map<String, Listing> listings = new LinkedHashMap<>();

  Catalog(Iterable<Summary> summaries) {
    List<Summary> all = new ArrayList<>();
    summaries.forEach(all::add);
    all.sort(Comparator.comparing(Summary::date).reversed().thenComparing(Summary::slug));
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
          merged.sort(Comparator.comparing(Summary::date).reversed().thenComparing(Summary::slug));
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

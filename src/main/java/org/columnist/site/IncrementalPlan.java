package org.columnist.site;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Which pages an edit of some archive files touches, so that an incremental build renders only
 * those: the columns' own pages and their neighbours' (old and new), the list pages whose columns
 * or links changed and those showing them, the feeds, the related lists, the indexes and the
 * sitemap.
 */
final class IncrementalPlan {
  private final Function<String, List<SiteBuilder.Related>> related;
  private final boolean withRelated;

  /**
   * A plan for a site whose column pages list {@code related.apply(slug)}; {@code withRelated} is
   * false when there is no search index, hence no related lists to refresh.
   */
  IncrementalPlan(Function<String, List<SiteBuilder.Related>> related, boolean withRelated) {
    this.related = related;
    this.withRelated = withRelated;
  }

  /**
   * The pages among {@code all} (by output path) that the edit of {@code changed} sources touches.
   */
  Set<String> pages(Catalog now, Catalog before, Set<String> changed, Map<String, PageKind> all) {
    Set<String> planned = new LinkedHashSet<>();
    if (changed.isEmpty()) {
      return planned;
    }
    Edit edit = Edit.of(before, now, changed);
    addRelated(planned, edit);
    addColumns(planned, edit);
    addListings(planned, edit);
    addRedirects(planned, edit);
    if (edit.structural()) {
      all.values().stream()
          .filter(PageKind::indexesTheArchive)
          .map(PageKind::path)
          .forEach(planned::add);
    }
    planned.retainAll(all.keySet());
    return planned;
  }

  /**
   * The summaries before and after an edit of {@code changed} sources, by source, and the keys of
   * the lists that held or hold them.
   */
  private record Edit(
      Catalog before,
      Catalog now,
      Set<String> changed,
      Map<String, Summary> old,
      Map<String, Summary> fresh,
      Set<String> listed,
      Set<String> lists) {
    static Edit of(Catalog before, Catalog now, Set<String> changed) {
      Map<String, Summary> old = bySource(before, changed);
      Map<String, Summary> fresh = bySource(now, changed);
      // A column's own page shows all of it; lists and neighbours show only its summary, so an
      // edit that leaves the summary alone (most corrections) touches nothing but its page.
      Set<String> listed = new HashSet<>();
      for (String source : changed) {
        if (!sameSummary(old.get(source), fresh.get(source))) {
          listed.add(source);
        }
      }
      Set<String> lists = new HashSet<>();
      Stream.of(old, fresh)
          .flatMap(m -> m.values().stream())
          .map(Catalog::keysOf)
          .forEach(lists::addAll);
      return new Edit(before, now, changed, old, fresh, listed, lists);
    }

    /**
     * Whether the indexes and the sitemap change: they list every column by date, topic and
     * industry, so they do when one of those does, or a column comes or goes.
     */
    boolean structural() {
      return changed.stream()
          .anyMatch(
              source -> {
                Summary a = old.get(source);
                Summary b = fresh.get(source);
                return a == null
                    || b == null
                    || !a.path().equals(b.path())
                    || !Objects.equals(a.corrected(), b.corrected())
                    || !a.tags().equals(b.tags())
                    || !Objects.equals(a.industry(), b.industry());
              });
    }

    /** The summaries in {@code catalog} of {@code sources}, by source: a few of many. */
    private static Map<String, Summary> bySource(Catalog catalog, Set<String> sources) {
      Map<String, Summary> bySource = new LinkedHashMap<>();
      for (Summary s : catalog.columns) {
        if (sources.contains(s.source())) {
          bySource.put(s.source(), s);
        }
      }
      return bySource;
    }
  }

  /**
   * Related columns come from the search index, not from the summaries: a new or edited column
   * changes the lists of the columns nearest to it, and a removed one may be named in any list.
   * Without an index there are no lists to refresh.
   */
  private void addRelated(Set<String> planned, Edit edit) {
    if (withRelated && !edit.fresh().keySet().containsAll(edit.changed())) {
      edit.now().columns.forEach(s -> planned.add(ColumnPage.file(s)));
      return;
    }
    for (Summary s : edit.fresh().values()) {
      related.apply(s.slug()).forEach(r -> planned.add(r.path() + "index.html"));
    }
  }

  /** The changed columns' own pages and, where their summary changed, their neighbours'. */
  private static void addColumns(Set<String> planned, Edit edit) {
    for (Map.Entry<Catalog, Map<String, Summary>> side :
        List.of(Map.entry(edit.now(), edit.fresh()), Map.entry(edit.before(), edit.old()))) {
      Catalog catalog = side.getKey();
      for (Summary s : side.getValue().values()) {
        int i = catalog.indexOf(s);
        planned.add(ColumnPage.file(s));
        if (edit.listed().contains(s.source())) {
          Stream.of(catalog.newer(i), catalog.older(i))
              .filter(Objects::nonNull)
              .map(ColumnPage::file)
              .forEach(planned::add);
        }
      }
    }
  }

  /**
   * The redirects at the old and new aliases of the changed columns (a redirect shows its column's
   * title and address), and {@code _redirects} when an alias or the address it leads to changed.
   */
  private static void addRedirects(Set<String> planned, Edit edit) {
    for (String source : edit.changed()) {
      Summary a = edit.old().get(source);
      Summary b = edit.fresh().get(source);
      Stream.of(a, b)
          .filter(Objects::nonNull)
          .flatMap(s -> s.aliases().stream())
          .map(RedirectPage::file)
          .forEach(planned::add);
      if (!redirectsAlike(a, b)) {
        planned.add(RedirectsFile.PATH);
      }
    }
  }

  private static boolean redirectsAlike(Summary a, Summary b) {
    List<String> none = List.of();
    return (a == null ? none : a.aliases()).equals(b == null ? none : b.aliases())
        && (a == null || b == null || a.path().equals(b.path()));
  }

  /**
   * The list pages whose columns or links differ from the last build's, or that show a changed
   * summary, and the feeds likewise. Numbered pages count from the oldest column, so a column added
   * at the newest end changes only the front, and, when it fills a slice, the new numbered page and
   * the one before it (whose "newer" link then leads to the new page rather than the front).
   */
  private static void addListings(Set<String> planned, Edit edit) {
    for (Catalog.Listing listing : edit.now().listings.values()) {
      Catalog.Listing was = edit.before().listings.get(listing.key());
      // A list that holds no changed column, and held none, shows what it showed: most lists of
      // a large archive, whose pages are not worth comparing one by one.
      if (was != null
          && was.name().equals(listing.name())
          && !edit.lists().contains(listing.key())) {
        continue;
      }
      for (int n = 0; n <= listing.numbered(); n++) {
        if (!samePage(was, listing, n)
            || listing.page(n).stream().anyMatch(s -> edit.listed().contains(s.source()))) {
          planned.add(listing.file(n));
        }
      }
      if (was == null
          || !sameSources(feed(was), feed(listing))
          || !Objects.equals(FeedPage.updated(was), FeedPage.updated(listing))
          || inFeed(listing, edit.changed())
          || inFeed(was, edit.changed())) {
        planned.add(listing.feed());
      }
    }
    for (Catalog.Listing was : edit.before().listings.values()) {
      if (!edit.now().listings.containsKey(was.key())) {
        planned.add(was.feed());
      }
    }
  }

  /**
   * Whether page {@code n} of {@code now} shows the same columns under the same heading, with the
   * same links, as it did in {@code was}: the front's "older" link and the newest numbered page's
   * "newer" link depend on how many numbered pages there are.
   */
  private static boolean samePage(Catalog.Listing was, Catalog.Listing now, int n) {
    if (was == null || n > was.numbered() || !was.name().equals(now.name())) {
      return false;
    }
    boolean linksMove = n == 0 || n == now.numbered() || n == was.numbered();
    return (!linksMove || was.numbered() == now.numbered())
        && sameSources(was.page(n), now.page(n));
  }

  /** Whether two lists hold the same columns, in order: compared in place for a large archive. */
  private static boolean sameSources(List<Summary> a, List<Summary> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i) != b.get(i) && !a.get(i).source().equals(b.get(i).source())) {
        return false;
      }
    }
    return true;
  }

  private static List<Summary> feed(Catalog.Listing listing) {
    return listing.items().subList(0, Math.min(FeedPage.SIZE, listing.items().size()));
  }

  /** Whether two summaries show the same on list pages (size and time aside). */
  private static boolean sameSummary(Summary a, Summary b) {
    return a != null
        && b != null
        && a.title().equals(b.title())
        && a.path().equals(b.path())
        && a.excerpt().equals(b.excerpt())
        && Objects.equals(a.issue(), b.issue())
        && Objects.equals(a.corrected(), b.corrected())
        && a.tags().equals(b.tags())
        && Objects.equals(a.industry(), b.industry());
  }

  private static boolean inFeed(Catalog.Listing listing, Set<String> changed) {
    return listing.items().stream()
        .limit(FeedPage.SIZE)
        .anyMatch(s -> changed.contains(s.source()));
  }
}

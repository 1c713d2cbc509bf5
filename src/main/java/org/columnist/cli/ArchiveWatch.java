package org.columnist.cli;

import org.columnist.archive.Archive;
import org.columnist.search.SearchIndex;
import org.columnist.site.SiteBuilder;

/**
 * The search index and the site of a server that holds the index ({@code run}, {@code serve}), kept
 * up to date with the archive: columns published by another process (the CLI) change the archive
 * under it. One lock orders the refreshes and the close; once closed, a refresh does nothing rather
 * than write to a closed index.
 */
final class ArchiveWatch implements AutoCloseable {
  private final Wiring wiring;
  private final Archive archive;
  private final SearchIndex index;
  private final Runnable started;
  private final Object lock = new Object();
  private boolean closed;
  // Set when the index changed and the site has not been built since: a build that failed (a
  // broken template, a full disk) is tried again at the next refresh, not left for good.
  private boolean siteBehind;

  private ArchiveWatch(Wiring wiring, Runnable started) {
    this.wiring = wiring;
    this.archive = new Archive(wiring.config.paths().archive());
    this.index = wiring.searchIndex();
    this.started = started;
  }

  /**
   * Opens the index (refused while another process holds it), brings it up to date and builds the
   * site. {@code started} is reached at the start of every {@link #refresh}, before its lock: a
   * test holds a refresh there.
   */
  static ArchiveWatch open(Wiring wiring, Runnable started) {
    ArchiveWatch watch = new ArchiveWatch(wiring, started);
    try {
      synchronized (watch.lock) {
        watch.index.update(watch.archive);
        watch.site().build(false);
      }
    } catch (RuntimeException e) {
      watch.index.close();
      throw e;
    }
    return watch;
  }

  static ArchiveWatch open(Wiring wiring) {
    return open(wiring, () -> {});
  }

  SearchIndex index() {
    return index;
  }

  /**
   * Brings the index up to date with the archive and, when a column came, changed or went, the
   * site: the index first, as the site's pages list related columns from it.
   */
  void refresh() {
    started.run();
    synchronized (lock) {
      if (closed) {
        return;
      }
      SearchIndex.UpdateReport r = index.update(archive);
      siteBehind |= r.added() + r.updated() + r.deleted() > 0;
      if (siteBehind) {
        site().build(false);
        siteBehind = false;
      }
    }
  }

  private SiteBuilder site() {
    return wiring.siteBuilder(archive, index);
  }

  /** Waits for a refresh in progress, then closes the index. */
  @Override
  public void close() {
    synchronized (lock) {
      if (!closed) {
        closed = true;
        index.close();
      }
    }
  }
}

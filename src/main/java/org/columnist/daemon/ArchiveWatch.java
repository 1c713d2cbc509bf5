package org.columnist.daemon;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.columnist.Progress;
import org.columnist.archive.Archive;
import org.columnist.search.SearchIndex;
import org.columnist.site.LastBuild;
import org.columnist.site.SiteBuilder;

/**
 * The search index and the site of a server that holds the index ({@code run}, {@code serve}), kept
 * up to date with the archive: columns published by another process (the CLI) change the archive
 * under it. One lock orders the refreshes and the close; once closed, a refresh does nothing rather
 * than write to a closed index.
 */
public final class ArchiveWatch implements AutoCloseable {
  private final Function<SearchIndex, SiteBuilder> sites;
  private final Archive archive;
  private final SearchIndex index;
  private final Runnable started;
  private final Object lock = new Object();
  private boolean closed;
  // Set from the start of a refresh until its site build is done, so left set by one that failed
  // (a broken template, a full disk, a file gone mid-scan): the next refresh then builds the site
  // from every file, not left behind for good.
  private boolean siteBehind;
  // The last build's state and catalog, which the next build starts from unless another process
  // built the site in between.
  private final LastBuild lastBuild = new LastBuild();

  private ArchiveWatch(
      Archive archive,
      SearchIndex index,
      Function<SearchIndex, SiteBuilder> sites,
      Runnable started) {
    this.archive = archive;
    this.index = index;
    this.sites = sites;
    this.started = started;
  }

  /**
   * Takes {@code index}, open for updating, brings it up to date with {@code archive} and builds
   * the site that {@code sites} makes with the index. {@code started} is reached at the start of
   * every {@link #refresh} and {@link #refreshSite}, before its lock: a test holds a refresh there.
   * {@code progress} is told how this first update and build go (on a new instance of a large
   * archive, they take a while). Closes the index when this fails.
   */
  public static ArchiveWatch open(
      Archive archive,
      SearchIndex index,
      Function<SearchIndex, SiteBuilder> sites,
      Runnable started,
      Progress progress) {
    ArchiveWatch watch = new ArchiveWatch(archive, index, sites, started);
    try {
      synchronized (watch.lock) {
        watch.index.update(watch.archive, progress);
        watch.site().build(false, watch.lastBuild, progress);
      }
    } catch (RuntimeException e) {
      watch.index.close();
      throw e;
    }
    return watch;
  }

  public SearchIndex index() {
    return index;
  }

  /**
   * Brings the index up to date with the archive and, when a column came, changed or went, the
   * site: the index first, as the site's pages list related columns from it. Returns what the
   * site's build did, or null when there was none.
   */
  public SiteBuilder.Report refresh() {
    started.run();
    synchronized (lock) {
      if (closed) {
        return null;
      }
      boolean behind = siteBehind;
      siteBehind = true; // until the site is built: an update that fails may have changed the index
      SearchIndex.UpdateReport r = index.update(archive);
      if (!behind && r.added() + r.updated() + r.deleted() == 0) {
        siteBehind = false;
        return null;
      }
      SiteBuilder.Report built = site().build(false, lastBuild, Progress.NONE);
      siteBehind = false;
      return built;
    }
  }

  /**
   * Brings the index and the site up to date with the archive files {@code files} that this process
   * just wrote or removed (a publication), and builds the site even when there are none: what
   * readers added to a page (a response approved) is not in the archive. Only those files are read
   * when the last refresh ended with the index and the site in step; the rest are trusted to be as
   * it left them, and the periodic {@link #refresh} catches what other processes change. After a
   * refresh that failed, every file is looked at. The build renders only the pages that changed.
   * Returns what the build did, or null when closed.
   */
  public SiteBuilder.Report refreshSite(Collection<Path> files) {
    started.run();
    synchronized (lock) {
      if (closed) {
        return null;
      }
      // A refresh that failed part-way may have left the index or the site behind files other
      // than these: then look at every file.
      boolean inStep = !siteBehind;
      siteBehind = true; // until the build is done: one that fails is tried again by the next
      SiteBuilder.Report built;
      if (inStep) {
        index.update(archive, files);
        built = site().build(lastBuild, files);
      } else {
        index.update(archive);
        built = site().build(false, lastBuild, Progress.NONE);
      }
      siteBehind = false;
      return built;
    }
  }

  /** {@link #refreshSite(Collection)} for what readers changed: no archive file. */
  public SiteBuilder.Report refreshSite() {
    return refreshSite(List.of());
  }

  private SiteBuilder site() {
    return sites.apply(index);
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

package org.columnist.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.columnist.ColumnistException;
import org.columnist.Fingerprint;
import org.columnist.InvalidFileException;
import org.columnist.Progress;
import org.columnist.archive.Archive;
import org.columnist.column.Column;

/**
 * The Lucene index of the archive, in {@code data/index/}. Updates are incremental by slug (a
 * column is re-indexed when its file's content hash changes) and crash-safe (a killed update leaves
 * the last commit); searches run on a searcher that is refreshed after each update, so they go on
 * while one runs. A publication's update is searched at once and committed just after.
 */
public final class SearchIndex implements AutoCloseable {
  /** The synonym groups used when the config names none. */
  public static final List<String> DEFAULT_SYNONYMS = Analyzers.DEFAULT_SYNONYMS;

  private static final System.Logger LOG = System.getLogger("search");
  private static final double RAM_BUFFER_MB = 64;

  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final FacetsConfig facets = ColumnDocument.facetsConfig();
  private final Searcher searcher;
  // source → {hash, stamp} as the index holds them, kept between updates: this process's writer
  // holds the index's lock, so no other can change it, and reading every stored document again
  // was most of a one-column update of a large archive. Null until the first update reads it.
  private Map<String, String[]> indexed;
  private boolean unfinished;
  // Commits a publication's update just after searches see it, off the publication's path to live:
  // a commit syncs each new file to disk, a fifth of that path. A kill before it loses nothing: the
  // next start's update tells the file's column is missing, by its fingerprint, and indexes it.
  // Null when the index is open for searching only.
  private final ExecutorService committer;

  private SearchIndex(
      Directory directory, IndexWriter writer, SearcherManager searchers, List<String> synonyms) {
    this.directory = directory;
    this.writer = writer;
    this.searchers = searchers;
    this.searcher = new Searcher(searchers, synonyms);
    this.committer =
        writer == null
            ? null
            : Executors.newSingleThreadExecutor(
                work -> {
                  Thread thread = new Thread(work, "search-index-commit");
                  thread.setDaemon(true);
                  return thread;
                });
  }

  /** Opens the index at {@code dir} to update and search it (one writer per index at a time). */
  public static SearchIndex open(Path dir, List<String> synonyms) {
    try {
      Files.createDirectories(dir);
      Directory directory = FSDirectory.open(dir);
      IndexWriterConfig config = new IndexWriterConfig(ColumnDocument.analyzer());
      config.setCodec(new ColumnistCodec());
      // Fewer, larger segments while rebuilding: less flushing and merging (the buffer is only
      // filled that far by a rebuild, and freed at each flush).
      config.setRAMBufferSizeMB(RAM_BUFFER_MB);
      // Each segment's files as they are written, not copied again into one compound file.
      config.setUseCompoundFile(false);
      // Every update commits when it is whole; closing after one that failed half-way (a rebuild
      // that had deleted everything) must leave the last commit, not save the half.
      config.setCommitOnClose(false);
      config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
      IndexWriter writer = new IndexWriter(directory, config);
      if (!DirectoryReader.indexExists(directory)) {
        writer.commit();
      }
      return new SearchIndex(directory, writer, new SearcherManager(writer, null), synonyms);
    } catch (LockObtainFailedException e) {
      throw new ColumnistException(
          "the search index "
              + dir
              + " is open in another columnist process (run or serve); it keeps it up to date itself");
    } catch (IOException e) {
      throw new ColumnistException(
          "cannot open the search index " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Opens the index only to search it: works while another process (the daemon) holds the writer,
   * and sees what that process last committed.
   */
  public static SearchIndex openForSearch(Path dir, List<String> synonyms) {
    try {
      Directory directory = FSDirectory.open(dir);
      if (!DirectoryReader.indexExists(directory)) {
        directory.close();
        throw new ColumnistException(
            "there is no search index in " + dir + " yet: run 'columnist index'");
      }
      if (!ofThisVersion(directory)) {
        directory.close();
        throw new ColumnistException(
            "the search index "
                + dir
                + " was written by another version of columnist: run 'columnist index' to rebuild it");
      }
      return new SearchIndex(directory, null, new SearcherManager(directory, null), synonyms);
    } catch (IOException e) {
      throw new ColumnistException(
          "cannot open the search index " + dir + ": " + e.getMessage(), e);
    }
  }

  /** What an update did. */
  public record UpdateReport(int added, int updated, int deleted, int unchanged) {}

  /** Brings the index in line with the archive: adds, updates and deletes by slug. */
  public UpdateReport update(Archive archive) {
    return update(archive, Progress.NONE);
  }

  /** {@link #update(Archive)}, telling {@code progress} of each archive file looked at. */
  public UpdateReport update(Archive archive, Progress progress) {
    return sync(archive, false, progress);
  }

  /**
   * Brings the index in line with the archive files {@code files} only, each written or removed
   * since the last update, and trusts what it holds of the rest: for a server that knows which
   * files it wrote (a publication), where looking at every file costs more than the column itself.
   * Before this index has been updated once, or after an update failed, it is {@link
   * #update(Archive)}.
   */
  public synchronized UpdateReport update(Archive archive, Collection<Path> files) {
    if (indexed == null || unfinished) {
      return update(archive);
    }
    Map<String, String[]> held = new HashMap<>(indexed);
    indexed = null; // until this update is committed
    unfinished = true;
    int added = 0;
    int updated = 0;
    int deleted = 0;
    try {
      for (Path file : files) {
        String source = archive.root().relativize(file).toString();
        String[] was = held.get(source);
        Optional<Archive.Entry> found = archive.entry(file);
        if (found.isEmpty()) {
          if (held.remove(source) != null) {
            writer.deleteDocuments(new Term(ColumnDocument.SOURCE, source));
            deleted++;
          }
          continue;
        }
        Archive.Entry entry = found.get();
        // Read whatever its size and time: a second edit within the clock's resolution that
        // keeps the size would otherwise look unchanged.
        String[] now = index(archive, entry, source, was, false);
        if (now != null && now != was) {
          held.put(source, now);
          if (was == null) {
            added++;
          } else {
            updated++;
          }
        }
      }
      commit(held, false);
      return new UpdateReport(added, updated, deleted, held.size() - added - updated);
    } catch (IOException e) {
      throw new ColumnistException("cannot update the search index: " + e.getMessage(), e);
    }
  }

  /**
   * Ends an update that went through: holds {@code held}, lets searches see what it wrote, and
   * commits it, before returning when {@code now}, else just after, on the committer's thread.
   */
  private void commit(Map<String, String[]> held, boolean now) throws IOException {
    writer.setLiveCommitData(Map.of("schema", ColumnDocument.VERSION).entrySet());
    if (now) {
      writer.commit();
    }
    indexed = held;
    unfinished = false;
    searchers.maybeRefreshBlocking();
    if (!now) {
      committer.execute(this::commitWhole);
    }
  }

  /** Commits what the writer holds if no update is half-way (a failed one, say). */
  private synchronized void commitWhole() {
    try {
      if (!unfinished && writer.isOpen() && writer.hasUncommittedChanges()) {
        writer.commit();
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "cannot commit the search index (searches see the change; the next update commits it): "
              + e.getMessage());
    }
  }

  /** Indexes the whole archive anew. */
  public UpdateReport rebuild(Archive archive) {
    return rebuild(archive, Progress.NONE);
  }

  /** Indexes the whole archive anew, telling {@code progress} of each column. */
  public UpdateReport rebuild(Archive archive, Progress progress) {
    return sync(archive, true, progress);
  }

  /** Changes whenever what searches see changes: a key for caching results. */
  public long version() {
    try {
      IndexSearcher s = searchers.acquire();
      try {
        return ((DirectoryReader) s.getIndexReader()).getVersion();
      } finally {
        searchers.release(s);
      }
    } catch (IOException e) {
      throw new ColumnistException("cannot read the search index: " + e.getMessage(), e);
    }
  }

  public Results search(SearchRequest request) {
    return searcher.search(request);
  }

  /** The site path (e.g. {@code 2008/04/slug/}) of the column at {@code slug}, if it is indexed. */
  public java.util.Optional<String> pathOf(String slug) {
    return searcher.pathOf(slug);
  }

  /** The {@code count} columns most like the one at {@code slug}, itself excluded. */
  public List<Hit> related(String slug, int count) {
    return searcher.related(slug, count);
  }

  private synchronized UpdateReport sync(Archive archive, boolean rebuildAsked, Progress progress) {
    // After an update that failed, the writer may hold its uncommitted half (a rebuild's
    // deleteAll): only a rebuild is sure to commit a whole index over it.
    boolean rebuild = rebuildAsked || unfinished;
    unfinished = true;
    if (writer == null) {
      throw new IllegalStateException("this index was opened for searching only");
    }
    try {
      if (!rebuild && !ofThisVersion(directory)) {
        LOG.log(
            System.Logger.Level.INFO,
            "the search index was written by another version of columnist: rebuilding it");
        rebuild = true;
      }
      Map<String, String[]> known = rebuild ? Map.of() : indexed == null ? known() : indexed;
      indexed = null; // until this update is committed
      if (rebuild) {
        // Not committed until the end: a killed rebuild leaves the last commit, and searchers
        // keep the reader they have until the refresh below.
        writer.deleteAll();
      }
      Map<String, String[]> held = new java.util.concurrent.ConcurrentHashMap<>();
      Map<Change, Long> counts =
          indexAll(archive, archive.entries(), known, held, rebuild, progress);
      flushOnEveryCore();
      int deleted = 0;
      for (String source : known.keySet()) {
        if (!held.containsKey(source)) {
          writer.deleteDocuments(new Term(ColumnDocument.SOURCE, source));
          deleted++;
        }
      }
      commit(held, true);
      return new UpdateReport(
          counts.getOrDefault(Change.ADDED, 0L).intValue(),
          counts.getOrDefault(Change.UPDATED, 0L).intValue(),
          deleted,
          counts.getOrDefault(Change.UNCHANGED, 0L).intValue());
    } catch (IOException e) {
      throw new ColumnistException("cannot update the search index: " + e.getMessage(), e);
    }
  }

  /**
   * Indexes {@code entries} on every core: the writer takes documents from several threads at once,
   * and reading, parsing and analysing a column is most of the time of a rebuild. Each core takes
   * the next column when it is done with one, so none idles while another ends a long share. Puts
   * in {@code held} the {hash, stamp} the index holds for each source afterwards.
   */
  private Map<Change, Long> indexAll(
      Archive archive,
      List<Archive.Entry> entries,
      Map<String, String[]> known,
      Map<String, String[]> held,
      boolean rebuild,
      Progress progress)
      throws IOException {
    progress.started(
        rebuild ? "Rebuilding the search index" : "Updating the search index",
        "columns",
        entries.size());
    AtomicInteger next = new AtomicInteger();
    try {
      Map<Change, Long> counts = new EnumMap<>(Change.class);
      for (Map<Change, Long> share :
          onEveryCore(
              () -> {
                Map<Change, Long> changes = new EnumMap<>(Change.class);
                try {
                  for (int i = next.getAndIncrement();
                      i < entries.size();
                      i = next.getAndIncrement()) {
                    changes.merge(
                        indexOne(archive, entries.get(i), known, held, rebuild), 1L, Long::sum);
                    progress.advanced(1);
                  }
                } catch (IOException | RuntimeException e) {
                  next.set(entries.size()); // the other cores stop too
                  throw e;
                }
                return changes;
              })) {
        share.forEach((change, n) -> counts.merge(change, n, Long::sum));
      }
      return counts;
    } finally {
      progress.finished();
    }
  }

  /** Indexes {@code entry} unless the index holds it as it is, and says what changed. */
  private Change indexOne(
      Archive archive,
      Archive.Entry entry,
      Map<String, String[]> known,
      Map<String, String[]> held,
      boolean rebuild)
      throws IOException {
    String source = source(archive, entry);
    String[] was = known.get(source);
    String[] now =
        was != null && was[1].equals(stamp(entry))
            ? was
            : index(archive, entry, source, was, rebuild);
    if (now != null || was != null) {
      held.put(source, now != null ? now : was);
    }
    return now == null
        ? Change.INVALID
        : now == was ? Change.UNCHANGED : was == null ? Change.ADDED : Change.UPDATED;
  }

  /**
   * Writes the documents each indexing thread holds in memory to their segments, all at once: the
   * commit would write them one after the other on its own thread, while the other cores wait.
   */
  private void flushOnEveryCore() throws IOException {
    onEveryCore(writer::flushNextBuffer);
  }

  /** Something to run on each core, that may fail as I/O does. */
  private interface Work<T> {
    T run() throws IOException;
  }

  /** Runs {@code work} on every core at once, this thread one of them, and gives each result. */
  private static <T> List<T> onEveryCore(Work<T> work) throws IOException {
    List<ForkJoinTask<T>> others = new java.util.ArrayList<>();
    for (int i = 1; i < Runtime.getRuntime().availableProcessors(); i++) {
      others.add(ForkJoinPool.commonPool().submit(() -> work.run()));
    }
    List<T> results = new java.util.ArrayList<>();
    try {
      results.add(work.run());
    } finally {
      // Never leave work running on another core: wait for it even when this one failed.
      for (ForkJoinTask<T> other : others) {
        other.quietlyJoin();
      }
    }
    try {
      for (ForkJoinTask<T> other : others) {
        results.add(other.get());
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException unchecked) {
        throw unchecked;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while indexing");
    }
    return results;
  }

  private static String source(Archive archive, Archive.Entry entry) {
    return archive.root().relativize(entry.file()).toString();
  }

  private enum Change {
    ADDED,
    UPDATED,
    UNCHANGED,
    INVALID
  }

  /** A file's size and time: when both are as indexed, the file is taken to be unchanged. */
  private static String stamp(Archive.Entry entry) {
    return entry.size() + ":" + entry.modified();
  }

  /**
   * Indexes the archive file {@code source} unless its content hash is the one {@code was} ({hash,
   * stamp}, null when not indexed yet) holds. Returns {@code was} itself when the file is
   * unchanged, the new {hash, stamp} when it was indexed, null when it is invalid (and left as it
   * was). {@code fresh}: the index holds no column yet.
   */
  private String[] index(
      Archive archive, Archive.Entry entry, String source, String[] was, boolean fresh)
      throws IOException {
    String stamp = stamp(entry);
    String hash = Fingerprint.of(Files.readAllBytes(entry.file()));
    if (was != null && was[0].equals(hash)) {
      return was;
    }
    Column column;
    try {
      column = archive.read(entry.file());
    } catch (InvalidFileException e) {
      LOG.log(System.Logger.Level.WARNING, "not indexed: " + e.getMessage());
      return null;
    }
    Document doc = facets.build(ColumnDocument.of(column, source, hash, stamp));
    if (fresh) {
      // After deleteAll there is nothing to replace: a delete term per column would only be
      // looked up again at each flush.
      writer.addDocument(doc);
    } else {
      writer.updateDocument(new Term(ColumnDocument.SOURCE, source), doc);
    }
    return new String[] {hash, stamp};
  }

  /** Whether the last commit is empty or holds the documents this version writes. */
  private static boolean ofThisVersion(Directory directory) throws IOException {
    org.apache.lucene.index.SegmentInfos last =
        org.apache.lucene.index.SegmentInfos.readLatestCommit(directory);
    return last.totalMaxDoc() == 0
        || ColumnDocument.VERSION.equals(last.getUserData().get("schema"));
  }

  /** source → {hash, stamp} of every indexed column. */
  private Map<String, String[]> known() throws IOException {
    Map<String, String[]> known = new HashMap<>();
    IndexSearcher s = searchers.acquire();
    try {
      for (ScoreDoc doc :
          s.search(new MatchAllDocsQuery(), Math.max(1, s.getIndexReader().numDocs())).scoreDocs) {
        Document d =
            s.storedFields()
                .document(
                    doc.doc,
                    java.util.Set.of(
                        ColumnDocument.SOURCE, ColumnDocument.HASH, ColumnDocument.STAMP));
        known.put(
            d.get(ColumnDocument.SOURCE),
            new String[] {d.get(ColumnDocument.HASH), d.get(ColumnDocument.STAMP)});
      }
    } finally {
      searchers.release(s);
    }
    return known;
  }

  @Override
  public void close() {
    try {
      if (committer != null) {
        committer.shutdown();
        if (!committer.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES)) {
          LOG.log(System.Logger.Level.WARNING, "the search index's last commit did not end");
        }
        commitWhole();
      }
      searchers.close();
      if (writer != null) {
        writer.close();
      }
      directory.close();
    } catch (IOException e) {
      throw new ColumnistException("cannot close the search index: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ColumnistException("interrupted while closing the search index", e);
    }
  }
}

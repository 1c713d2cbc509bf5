package org.columnist.search;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;

/**
 * Stored-fields readers of one index reader, kept between searches: each new one grows its own
 * decompression buffers, and growing them for every search was a quarter of a search's allocations.
 * A reader serves one thread at a time; at most {@link #KEPT} are kept.
 */
final class StoredFieldsPool {
  private static final int KEPT = 16;

  private final IndexReader reader;
  private final ConcurrentLinkedQueue<StoredFields> idle = new ConcurrentLinkedQueue<>();
  private final AtomicInteger size = new AtomicInteger();

  StoredFieldsPool(IndexReader reader) {
    this.reader = reader;
  }

  /** The documents of {@code docs} with the fields {@code fields}, by doc id. */
  void read(int[] docs, java.util.Set<String> fields, Map<Integer, Document> into)
      throws IOException {
    StoredFields stored = idle.poll();
    if (stored == null) {
      stored = reader.storedFields();
    } else {
      size.decrementAndGet();
    }
    for (int doc : docs) {
      into.put(doc, stored.document(doc, fields));
    }
    if (size.incrementAndGet() <= KEPT) {
      idle.offer(stored);
    } else {
      size.decrementAndGet();
    }
  }
}

package org.columnist.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * The facet values (topics, industries, years) of every column of one index reader, decoded once
 * into arrays. A visitor's query can match most of the archive; counting its facets from these
 * arrays while the hits are collected costs a fraction of decoding the doc values for each search.
 */
final class FacetTable {
  private static final List<String> DIMENSIONS =
      List.of(ColumnDocument.TAGS, ColumnDocument.INDUSTRY, ColumnDocument.YEAR);

  private final IndexReader reader;
  private final String[] dimension; // value id → its dimension
  private final String[] label; // value id → its label
  private final int[][] starts; // leaf → doc → first index in values; starts[doc + 1] ends it
  private final int[][] values; // leaf → value ids

  private FacetTable(
      IndexReader reader, String[] dimension, String[] label, int[][] starts, int[][] values) {
    this.reader = reader;
    this.dimension = dimension;
    this.label = label;
    this.starts = starts;
    this.values = values;
  }

  static FacetTable of(IndexReader reader) throws IOException {
    Map<String, Integer> ids = new HashMap<>();
    List<String[]> paths = new ArrayList<>();
    List<LeafReaderContext> leaves = reader.leaves();
    int[][] starts = new int[leaves.size()][];
    int[][] values = new int[leaves.size()][];
    for (LeafReaderContext leaf : leaves) {
      SortedSetDocValues dv =
          DocValues.getSortedSet(leaf.reader(), FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
      int[] global = new int[(int) dv.getValueCount()];
      for (int ord = 0; ord < global.length; ord++) {
        String encoded = dv.lookupOrd(ord).utf8ToString();
        global[ord] =
            ids.computeIfAbsent(
                encoded,
                e -> {
                  paths.add(FacetsConfig.stringToPath(e));
                  return paths.size() - 1;
                });
      }
      int maxDoc = leaf.reader().maxDoc();
      int[] start = new int[maxDoc + 1];
      int[] value = new int[Math.max(16, maxDoc * 4)];
      int n = 0;
      int next = 0;
      for (int doc = dv.nextDoc(); doc != SortedSetDocValues.NO_MORE_DOCS; doc = dv.nextDoc()) {
        Arrays.fill(start, next, doc + 1, n);
        next = doc + 1;
        for (int i = dv.docValueCount(); i > 0; i--) {
          if (n == value.length) {
            value = Arrays.copyOf(value, n * 2);
          }
          value[n++] = global[(int) dv.nextOrd()];
        }
      }
      Arrays.fill(start, next, maxDoc + 1, n);
      starts[leaf.ord] = start;
      values[leaf.ord] = Arrays.copyOf(value, n);
    }
    String[] dimension = new String[paths.size()];
    String[] label = new String[paths.size()];
    for (int i = 0; i < paths.size(); i++) {
      dimension[i] = paths.get(i)[0];
      label[i] = paths.get(i).length > 1 ? paths.get(i)[1] : "";
    }
    return new FacetTable(reader, dimension, label, starts, values);
  }

  boolean isFor(IndexReader other) {
    return reader == other;
  }

  /** The hits of a query: how many, and how many per facet value. */
  record Counts(long total, int[] perValue) {}

  /** Counts every hit and its facet values; scores nothing. */
  CollectorManager<Counter, Counts> counter() {
    return new CollectorManager<>() {
      @Override
      public Counter newCollector() {
        return new Counter(new int[label.length]);
      }

      @Override
      public Counts reduce(java.util.Collection<Counter> counters) {
        int[] sum = new int[label.length];
        long total = 0;
        for (Counter c : counters) {
          total += c.total;
          for (int i = 0; i < sum.length; i++) {
            sum[i] += c.counts[i];
          }
        }
        return new Counts(total, sum);
      }
    };
  }

  /**
   * The most frequent values of each dimension, most frequent first (years: newest first), at most
   * 20 topics and industries and 50 years.
   */
  Map<String, List<Results.FacetCount>> top(Counts counts) {
    Map<String, List<Results.FacetCount>> top = new LinkedHashMap<>();
    for (String dim : DIMENSIONS) {
      List<Results.FacetCount> found = new ArrayList<>();
      for (int id = 0; id < label.length; id++) {
        if (counts.perValue()[id] > 0 && dimension[id].equals(dim)) {
          found.add(new Results.FacetCount(label[id], counts.perValue()[id]));
        }
      }
      found.sort(
          Comparator.comparing(Results.FacetCount::count)
              .reversed()
              .thenComparing(Results.FacetCount::value));
      found =
          new ArrayList<>(
              found.subList(0, Math.min(found.size(), dim.equals(ColumnDocument.YEAR) ? 50 : 20)));
      if (dim.equals(ColumnDocument.YEAR)) {
        found.sort(Comparator.comparing(Results.FacetCount::value).reversed());
      }
      top.put(dim, List.copyOf(found));
    }
    return top;
  }

  final class Counter implements Collector {
    private final int[] counts;
    private long total;

    private Counter(int[] counts) {
      this.counts = counts;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) {
      int[] start = starts[context.ord];
      int[] value = values[context.ord];
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) {
          total++;
          for (int i = start[doc], end = start[doc + 1]; i < end; i++) {
            counts[value[i]]++;
          }
        }
      };
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }
}

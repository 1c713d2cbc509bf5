package org.columnist.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

/**
 * The facet values (topics, industries, years) of every column of one index reader, decoded once,
 * and the hits of a query counted as bit sets. A visitor's words are often in most of the archive:
 * visiting each hit to count it and its facet values was half the cost of a search. Here the
 * columns of a common word are a bit set kept for the reader, a query's words are joined with bit
 * operations, and the facet values are counted as the bits a query shares with each value's.
 */
final class FacetTable {
  private static final List<String> DIMENSIONS =
      List.of(ColumnDocument.TAGS, ColumnDocument.INDUSTRY, ColumnDocument.YEAR);
  // Bit sets kept: of words in at least 1/64 of the columns (rarer ones are quick to read), and
  // at most this many bytes of them and of the facet values'.
  private static final long KEPT_BYTES = 64L << 20;

  private final IndexReader reader;
  private final String[] dimension; // value id → its dimension
  private final String[] label; // value id → its label
  private final int[] starts; // doc → first index in values; starts[doc + 1] ends it
  private final int[] values; // value ids
  private final FixedBitSet[] byValue; // value id → its columns; null if too many values
  private final FixedBitSet live; // null: no deleted columns
  private final Map<Term, FixedBitSet> kept = new ConcurrentHashMap<>();

  private FacetTable(
      IndexReader reader,
      String[] dimension,
      String[] label,
      int[] starts,
      int[] values,
      FixedBitSet[] byValue,
      FixedBitSet live) {
    this.reader = reader;
    this.dimension = dimension;
    this.label = label;
    this.starts = starts;
    this.values = values;
    this.byValue = byValue;
    this.live = live;
  }

  static FacetTable of(IndexReader reader) throws IOException {
    Map<String, Integer> ids = new HashMap<>();
    List<String[]> paths = new ArrayList<>();
    int maxDoc = reader.maxDoc();
    int[] start = new int[maxDoc + 1];
    int[] value = new int[Math.max(16, maxDoc * 4)];
    int n = 0;
    int next = 0;
    FixedBitSet live = null;
    for (LeafReaderContext leaf : reader.leaves()) {
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
      for (int doc = dv.nextDoc(); doc != SortedSetDocValues.NO_MORE_DOCS; doc = dv.nextDoc()) {
        int id = leaf.docBase + doc;
        Arrays.fill(start, next, id + 1, n);
        next = id + 1;
        for (int i = dv.docValueCount(); i > 0; i--) {
          if (n == value.length) {
            value = Arrays.copyOf(value, n * 2);
          }
          value[n++] = global[(int) dv.nextOrd()];
        }
      }
      Bits leafLive = leaf.reader().getLiveDocs();
      if (leafLive != null) {
        if (live == null) {
          live = new FixedBitSet(maxDoc);
          live.set(0, maxDoc);
        }
        for (int doc = 0; doc < leafLive.length(); doc++) {
          if (!leafLive.get(doc)) {
            live.clear(leaf.docBase + doc);
          }
        }
      }
    }
    Arrays.fill(start, next, maxDoc + 1, n);
    String[] dimension = new String[paths.size()];
    String[] label = new String[paths.size()];
    for (int i = 0; i < paths.size(); i++) {
      dimension[i] = paths.get(i)[0];
      label[i] = paths.get(i).length > 1 ? paths.get(i)[1] : "";
    }
    FixedBitSet[] byValue = null;
    if ((long) paths.size() * (maxDoc / 8) <= KEPT_BYTES / 2) {
      byValue = new FixedBitSet[paths.size()];
      for (int i = 0; i < byValue.length; i++) {
        byValue[i] = new FixedBitSet(Math.max(1, maxDoc));
      }
      for (int doc = 0; doc < maxDoc; doc++) {
        for (int i = start[doc]; i < start[doc + 1]; i++) {
          byValue[value[i]].set(doc);
        }
      }
    }
    return new FacetTable(reader, dimension, label, start, Arrays.copyOf(value, n), byValue, live);
  }

  /** The hits of a query: which (never change them), how many, and how many per facet value. */
  record Counts(FixedBitSet hits, long total, int[] perValue) {}

  /** The columns {@code query} matches, counted with their facet values; scores nothing. */
  Counts count(IndexSearcher searcher, Query query) throws IOException {
    return count(searcher, query, Map.of());
  }

  /**
   * As {@link #count(IndexSearcher, Query)}, with the columns of some of its clauses already found
   * ({@code known}, deleted ones included; never changed).
   */
  Counts count(IndexSearcher searcher, Query query, Map<Query, FixedBitSet> known)
      throws IOException {
    Found found = matches(searcher, query, known);
    FixedBitSet hits = found.bits();
    if (live != null) {
      hits = found.own();
      hits.and(live);
    }
    long total = hits.cardinality();
    int[] counts = new int[label.length];
    long words = (hits.length() + 63) / 64;
    // Each value's shared bits cost a pass over the words; each hit costs a few of its values.
    if (byValue != null && label.length * words < total * 4) {
      for (int v = 0; v < counts.length; v++) {
        counts[v] = (int) FixedBitSet.intersectionCount(hits, byValue[v]);
      }
    } else if (total > 0) {
      int length = hits.length();
      for (int doc = hits.nextSetBit(0);
          doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = doc + 1 < length ? hits.nextSetBit(doc + 1) : DocIdSetIterator.NO_MORE_DOCS) {
        for (int i = starts[doc], end = starts[doc + 1]; i < end; i++) {
          counts[values[i]]++;
        }
      }
    }
    return new Counts(hits, total, counts);
  }

  /**
   * Columns found: a set made for this query, or one kept or known ({@code shared}), which is
   * copied before it is changed. Copying every set (12.5 KB at 100,000 columns) was a tenth of what
   * a search allocated.
   */
  private record Found(FixedBitSet bits, boolean shared) {
    FixedBitSet own() {
      return shared ? bits.clone() : bits;
    }
  }

  /**
   * The columns {@code query} matches, deleted ones included. Words and the and, or and not of them
   * are bit operations; what else (a phrase) is searched.
   */
  private Found matches(IndexSearcher searcher, Query query, Map<Query, FixedBitSet> known)
      throws IOException {
    FixedBitSet given = known.get(query);
    if (given != null) {
      return new Found(given, true);
    }
    int maxDoc = Math.max(1, reader.maxDoc());
    if (query instanceof BoostQuery boost) {
      return matches(searcher, boost.getQuery(), known);
    }
    if (query instanceof ConstantScoreQuery constant) {
      return matches(searcher, constant.getQuery(), known);
    }
    if (query instanceof MatchAllDocsQuery) {
      FixedBitSet all = new FixedBitSet(maxDoc);
      all.set(0, reader.maxDoc());
      return new Found(all, false);
    }
    if (query instanceof MatchNoDocsQuery) {
      return new Found(new FixedBitSet(maxDoc), false);
    }
    if (query instanceof TermQuery term) {
      return term(term.getTerm(), maxDoc);
    }
    if (query instanceof BooleanQuery b && b.getMinimumNumberShouldMatch() == 0) {
      FixedBitSet required = null;
      FixedBitSet any = null;
      List<FixedBitSet> excluded = new ArrayList<>();
      for (BooleanClause c : b.clauses()) {
        Found bits = matches(searcher, c.getQuery(), known);
        switch (c.getOccur()) {
          case MUST, FILTER -> {
            if (required == null) {
              required = bits.own();
            } else {
              required.and(bits.bits());
            }
          }
          case SHOULD -> {
            if (any == null) {
              any = bits.own();
            } else {
              any.or(bits.bits());
            }
          }
          case MUST_NOT -> excluded.add(bits.bits());
        }
      }
      // With a required clause, the optional ones only score; with none, nothing matches.
      FixedBitSet result =
          required != null ? required : any != null ? any : new FixedBitSet(maxDoc);
      excluded.forEach(result::andNot);
      return new Found(result, false);
    }
    return new Found(searched(searcher, query, maxDoc), false);
  }

  /** How many words' bit sets are kept (for a test: what visitors type must not grow it). */
  int keptSets() {
    return kept.size();
  }

  private Found term(Term term, int maxDoc) throws IOException {
    FixedBitSet bits = kept.get(term);
    if (bits != null) {
      return new Found(bits, true);
    }
    bits = new FixedBitSet(maxDoc);
    long docs = 0;
    PostingsEnum postings = null;
    for (LeafReaderContext leaf : reader.leaves()) {
      org.apache.lucene.index.Terms terms = leaf.reader().terms(term.field());
      if (terms == null) {
        continue;
      }
      TermsEnum e = terms.iterator();
      if (e.seekExact(term.bytes())) {
        docs += e.docFreq();
        postings = e.postings(postings, PostingsEnum.NONE);
        for (int doc = postings.nextDoc();
            doc != DocIdSetIterator.NO_MORE_DOCS;
            doc = postings.nextDoc()) {
          bits.set(leaf.docBase + doc);
        }
      }
    }
    // A word no column holds is not kept (visitors can type any), nor a rare one; each kept set
    // costs its bits and about 200 bytes besides, so that a small archive's map stays small too.
    if (docs > 0 && docs >= Math.max(1, maxDoc / 64)) {
      if ((kept.size() + 1L) * (maxDoc / 8 + 200) > KEPT_BYTES / 2) {
        kept.clear();
      }
      kept.put(term, bits);
      return new Found(bits, true);
    }
    return new Found(bits, false);
  }

  private FixedBitSet searched(IndexSearcher searcher, Query query, int maxDoc) throws IOException {
    FixedBitSet bits = new FixedBitSet(maxDoc);
    Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1);
    for (LeafReaderContext leaf : reader.leaves()) {
      BulkScorer scorer = weight.bulkScorer(leaf);
      if (scorer == null) {
        continue;
      }
      int base = leaf.docBase;
      scorer.score(
          new LeafCollector() {
            @Override
            public void setScorer(Scorable scorer) {}

            @Override
            public void collect(int doc) {
              bits.set(base + doc);
            }
          },
          null,
          0,
          DocIdSetIterator.NO_MORE_DOCS);
    }
    return bits;
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
}

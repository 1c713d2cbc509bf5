package org.columnist.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.FixedBitSet;

/**
 * The scores of common words in every column of one index reader, kept so that a query of such
 * words is ranked from the hits its counting pass found instead of by Lucene's scorers. A word in
 * most of the archive leaves block-max skipping little to skip: with two such words Lucene scored
 * block after block of near-equal columns, a millisecond a query at 100,000 columns. Here each
 * word's score in each column is read once for the reader, with its maximum over each 64 columns,
 * and a query adds them up only in the blocks of 64 whose maxima can still reach its best hits.
 *
 * <p>The scores are Lucene's own (each word's scorer, summed as a {@link BooleanQuery} sums them:
 * in double, then rounded to float) and ties go to the lower doc id, so the hits are those and in
 * the order that {@link IndexSearcher#search} gives.
 */
final class ScoreTable {
  // Tables kept: of words in at least 1/64 of the columns (rarer ones Lucene ranks quickly), and at
  // most this many bytes of them, or an eighth of the heap. The words that come when it is full are
  // ranked by Lucene until the next reader: emptying it made a mix of more words than it holds
  // build a table for every other query (five times slower).
  private static final long KEPT_BYTES = Math.min(128L << 20, Runtime.getRuntime().maxMemory() / 8);

  private final IndexReader reader;
  private final Map<Query, Scores> kept = new ConcurrentHashMap<>();
  private final AtomicLong keptBytes = new AtomicLong();

  /**
   * One word's score in each column (0 where it is not), and its maximum in each 64 columns and in
   * each 8: a word in most columns comes near its best score in most blocks of 64, less often in 8.
   */
  record Scores(float[] perDoc, float[] perBlock, float[] perGroup, int[] byScore) {}

  /**
   * The phrases a query's score adds up, each searched once for it: the columns each matches
   * (deleted ones included), for the counting pass, and its scores, for the ranking one. A phrase
   * was searched twice, once to count and once to rank: two thirds of a phrase query.
   */
  record Phrases(Map<Query, FixedBitSet> matches, Map<Query, Scores> scores) {}

  private ScoreTable(IndexReader reader) {
    this.reader = reader;
  }

  static ScoreTable of(IndexReader reader) {
    return new ScoreTable(reader);
  }

  /** How many words' scores are kept (for a test). */
  int keptTables() {
    return kept.size();
  }

  /**
   * The best {@code n} of {@code hits} (the columns {@code query} matches) by {@code query}'s
   * score, best first; null when {@code query} is not a sum of common words' scores in the weighted
   * field (a phrase, a rare word), which Lucene then ranks.
   */
  TopDocs top(IndexSearcher searcher, Query query, FixedBitSet hits, long total, int n)
      throws IOException {
    return top(searcher, query, hits, total, n, new Phrases(Map.of(), Map.of()));
  }

  /** As {@link #top(IndexSearcher, Query, FixedBitSet, long, int)}, with its phrases' scores. */
  TopDocs top(
      IndexSearcher searcher, Query query, FixedBitSet hits, long total, int n, Phrases phrases)
      throws IOException {
    List<Query> words = new ArrayList<>();
    if (n <= 0 || !summed(query, words, phrases.scores().keySet()) || words.isEmpty()) {
      return null;
    }
    int minDocs = Math.max(1, reader.maxDoc() / 64);
    Scores[] scores = new Scores[words.size()];
    for (int i = 0; i < scores.length; i++) {
      // A kept word is common; looking up its frequency in each segment was 3% of a search.
      Query word = words.get(i);
      if (!phrases.scores().containsKey(word)
          && !kept.containsKey(word)
          && docFreq(word) < minDocs) {
        return null;
      }
    }
    boolean withPhrases = false;
    for (int i = 0; i < scores.length; i++) {
      scores[i] = phrases.scores().get(words.get(i));
      withPhrases |= scores[i] != null;
      scores[i] = scores[i] != null ? scores[i] : scores(searcher, words.get(i));
      if (scores[i] == null) {
        return null;
      }
    }
    if (withPhrases) {
      // A phrase's columns are not sorted by score: it is added up over the hits.
      return new TopDocs(
          new TotalHits(total, TotalHits.Relation.EQUAL_TO), Best.byBlock(scores, hits, n));
    }
    // Most columns hit: the words' columns best first soon show that no other can reach the page;
    // few: adding up just those is quicker.
    ScoreDoc[] best =
        total >= reader.maxDoc() / 2 ? Best.byRank(scores, hits, n) : Best.byBlock(scores, hits, n);
    return new TopDocs(new TotalHits(total, TotalHits.Relation.EQUAL_TO), best);
  }

  /**
   * Adds to {@code words} the words whose scores {@code query}'s score is the sum of, if it is such
   * a sum: a word of the weighted field, or the required and optional words of a boolean query
   * (what must not match, and filters, add nothing), or a query with one scored clause around one
   * of these.
   */
  private static boolean summed(Query query, List<Query> words, Set<Query> phrases) {
    if (isWord(query) || phrases.contains(query)) {
      words.add(query);
      return true;
    }
    if (!(query instanceof BooleanQuery b) || b.getMinimumNumberShouldMatch() != 0) {
      return false;
    }
    List<Query> scored = new ArrayList<>();
    for (BooleanClause c : b.clauses()) {
      if (c.getOccur() == BooleanClause.Occur.MUST || c.getOccur() == BooleanClause.Occur.SHOULD) {
        scored.add(c.getQuery());
      }
    }
    if (scored.size() == 1) {
      // One scored clause: its score, rounded to float again, is the query's.
      return summed(scored.get(0), words, phrases);
    }
    // Several: each must be a word, since a clause's own sum would be rounded before this one's.
    for (Query q : scored) {
      if (!isWord(q) && !phrases.contains(q)) {
        return false;
      }
      words.add(q);
    }
    return true;
  }

  /**
   * The phrases of the weighted field whose scores {@code query}'s adds up (as {@link #top} sees
   * it), each searched once.
   */
  Phrases phrases(IndexSearcher searcher, Query query) throws IOException {
    List<Query> phrases = new ArrayList<>();
    scoredPhrases(query, phrases);
    if (phrases.isEmpty()) {
      return new Phrases(Map.of(), Map.of());
    }
    Map<Query, FixedBitSet> matches = new HashMap<>();
    Map<Query, Scores> scores = new HashMap<>();
    for (Query phrase : phrases) {
      FixedBitSet bits = new FixedBitSet(Math.max(1, reader.maxDoc()));
      matches.put(phrase, bits);
      scores.put(phrase, scored(searcher, phrase, bits));
    }
    return new Phrases(matches, scores);
  }

  /**
   * {@code query}'s score in each column and their maxima over each 64 and 8, with no column list;
   * the columns it matches set in {@code matches} unless that is null.
   */
  private Scores scored(IndexSearcher searcher, Query query, FixedBitSet matches)
      throws IOException {
    int maxDoc = reader.maxDoc();
    float[] perDoc = new float[maxDoc];
    float[] perBlock = new float[(maxDoc + 63) / 64];
    float[] perGroup = new float[perBlock.length * 8];
    Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE, 1);
    for (LeafReaderContext leaf : reader.leaves()) {
      Scorer scorer = weight.scorer(leaf);
      if (scorer == null) {
        continue;
      }
      DocIdSetIterator docs = scorer.iterator();
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        int id = leaf.docBase + doc;
        float score = scorer.score();
        if (matches != null) {
          matches.set(id);
        }
        perDoc[id] = score;
        perBlock[id >>> 6] = Math.max(perBlock[id >>> 6], score);
        perGroup[id >>> 3] = Math.max(perGroup[id >>> 3], score);
      }
    }
    return new Scores(perDoc, perBlock, perGroup, null);
  }

  /** Adds to {@code phrases} the phrases at the places {@link #summed} takes a word. */
  private static void scoredPhrases(Query query, List<Query> phrases) {
    if (query instanceof PhraseQuery p && p.getField().equals(ColumnDocument.WEIGHTED)) {
      phrases.add(query);
    } else if (query instanceof BooleanQuery b && b.getMinimumNumberShouldMatch() == 0) {
      for (BooleanClause c : b.clauses()) {
        if (c.getOccur() == BooleanClause.Occur.MUST
            || c.getOccur() == BooleanClause.Occur.SHOULD) {
          scoredPhrases(c.getQuery(), phrases);
        }
      }
    }
  }

  private static boolean isWord(Query query) {
    return (query instanceof TermQuery t && t.getTerm().field().equals(ColumnDocument.WEIGHTED))
        || (query instanceof SynonymQuery s && s.getField().equals(ColumnDocument.WEIGHTED));
  }

  private long docFreq(Query word) throws IOException {
    if (word instanceof TermQuery t) {
      return reader.docFreq(t.getTerm());
    }
    long docs = 0;
    for (Term t : ((SynonymQuery) word).getTerms()) {
      docs = Math.max(docs, reader.docFreq(t));
    }
    return docs;
  }

  /** The scores of {@code word}, null when they would not fit. */
  private Scores scores(IndexSearcher searcher, Query word) throws IOException {
    Scores scores = kept.get(word);
    if (scores != null) {
      return scores;
    }
    int maxDoc = reader.maxDoc();
    // Before it is built: its column list is at most maxDoc ints.
    if (keptBytes.get() + 4L * (3L * maxDoc) > KEPT_BYTES) {
      return null;
    }
    Scores scored = scored(searcher, word, null);
    scores =
        new Scores(scored.perDoc(), scored.perBlock(), scored.perGroup(), byScore(scored.perDoc()));
    long bytes =
        4L
                * (scores.perDoc().length
                    + scores.perBlock().length
                    + scores.perGroup().length
                    + scores.byScore().length)
            + 200;
    if (kept.putIfAbsent(word, scores) == null) {
      keptBytes.addAndGet(bytes);
    }
    return scores;
  }

  /** The columns with a score, best first, ties to the lower doc id. */
  private static int[] byScore(float[] perDoc) {
    int count = 0;
    for (float score : perDoc) {
      count += score > 0 ? 1 : 0;
    }
    // A positive float's bits order as it does: inverted, they sort best first, then by doc id.
    long[] keys = new long[count];
    for (int doc = 0, i = 0; doc < perDoc.length; doc++) {
      if (perDoc[doc] > 0) {
        keys[i++] = ((long) ~Float.floatToRawIntBits(perDoc[doc]) << 32) | doc;
      }
    }
    java.util.Arrays.sort(keys);
    int[] docs = new int[count];
    for (int i = 0; i < count; i++) {
      docs[i] = (int) keys[i];
    }
    return docs;
  }
}

package org.columnist.search;

import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.FixedBitSet;

/**
 * The best hits of a sum of kept scores ({@link ScoreTable}), two ways: going down each word's
 * columns best first when most columns are hits, adding up block by block when few are. Both give
 * Lucene's order: by score, ties to the lower doc id.
 */
final class Best {
  private static final int RANKS_AT_ONCE = 16;

  private Best() {}

  /**
   * The best {@code n} columns of {@code hits} by their summed scores, ties to the lower doc id,
   * found by going down each word's columns best first, a rank at a time (Fagin's threshold
   * algorithm): a column not met yet scores at most the sum of the words' scores at that rank, and
   * once that sum is below the page's worst, no other column can reach the page.
   */
  static ScoreDoc[] byRank(ScoreTable.Scores[] scores, FixedBitSet hits, int n) {
    Heap heap = new Heap(n);
    FixedBitSet seen = new FixedBitSet(hits.length());
    int ranks = 0;
    for (ScoreTable.Scores s : scores) {
      ranks = Math.max(ranks, s.byScore().length);
    }
    // Sixteen ranks at a time: their new columns gathered first, then their scores read one after
    // another, which the processor can fetch at once (read as each column came, they waited on
    // memory one by one: half of a query of common words).
    int[] met = new int[RANKS_AT_ONCE * scores.length];
    float[] sums = new float[met.length];
    for (int rank = 0; rank < ranks; rank += RANKS_AT_ONCE) {
      int end = Math.min(ranks, rank + RANKS_AT_ONCE);
      int count = 0;
      for (ScoreTable.Scores s : scores) {
        int[] byScore = s.byScore();
        for (int r = rank; r < Math.min(end, byScore.length); r++) {
          int doc = byScore[r];
          if (hits.get(doc) && !seen.getAndSet(doc)) {
            met[count++] = doc;
          }
        }
      }
      for (int i = 0; i < count; i++) {
        double sum = 0;
        for (ScoreTable.Scores s : scores) {
          sum += s.perDoc()[met[i]];
        }
        sums[i] = (float) sum;
      }
      for (int i = 0; i < count; i++) {
        heap.add(sums[i], met[i]);
      }
      // A column not met yet scores at most the words' scores at the last of these ranks; equal
      // to the worst, it could still come before it by its id.
      double bound = 0;
      for (ScoreTable.Scores s : scores) {
        if (end - 1 < s.byScore().length) {
          bound += s.perDoc()[s.byScore()[end - 1]];
        }
      }
      if (heap.full() && (float) bound < heap.rootScore()) {
        return heap.drain();
      }
    }
    // Every column with a score was met; the hits without any of the words score 0.
    for (int doc = hits.nextSetBit(0);
        doc != DocIdSetIterator.NO_MORE_DOCS && !heap.cannotBeat(0, doc);
        doc = doc + 1 < hits.length() ? hits.nextSetBit(doc + 1) : DocIdSetIterator.NO_MORE_DOCS) {
      if (!seen.get(doc)) {
        heap.add(doc, scores);
      }
    }
    return heap.drain();
  }

  /**
   * The best {@code n} columns of {@code hits} by their summed scores, ties to the lower doc id, in
   * a heap whose root is the worst kept. The {@code n} blocks of 64 columns with the highest sums
   * of maxima are added up first, so that the root is soon near the last hit of the page; then a
   * block of 64, or of 8 in it, is skipped when the sum of its maxima cannot beat the root.
   */
  static ScoreDoc[] byBlock(ScoreTable.Scores[] scores, FixedBitSet hits, int n) {
    long[] bits = hits.getBits();
    int blocks = Math.min(bits.length, scores[0].perBlock().length);
    float[] bound = new float[blocks];
    // The n highest bounds' blocks, in a heap whose root is the lowest of them.
    int[] first = new int[n];
    int firsts = 0;
    for (int block = 0; block < blocks; block++) {
      if (bits[block] == 0) {
        continue;
      }
      double sum = 0;
      for (ScoreTable.Scores s : scores) {
        sum += s.perBlock()[block];
      }
      bound[block] = (float) sum;
      if (firsts < n) {
        first[firsts++] = block;
        for (int i = firsts - 1; i > 0 && bound[first[i]] < bound[first[(i - 1) >>> 1]]; ) {
          int parent = (i - 1) >>> 1;
          int b = first[i];
          first[i] = first[parent];
          first[parent] = b;
          i = parent;
        }
      } else if (bound[block] > bound[first[0]]) {
        first[0] = block;
        for (int i = 0; ; ) {
          int child = 2 * i + 1;
          if (child >= firsts) {
            break;
          }
          if (child + 1 < firsts && bound[first[child + 1]] < bound[first[child]]) {
            child++;
          }
          if (bound[first[child]] >= bound[first[i]]) {
            break;
          }
          int b = first[i];
          first[i] = first[child];
          first[child] = b;
          i = child;
        }
      }
    }
    Heap heap = new Heap(n);
    FixedBitSet done = new FixedBitSet(Math.max(1, blocks));
    for (int i = 0; i < firsts; i++) {
      heap.addAll(scores, first[i], bits[first[i]]);
      done.set(first[i]);
    }
    for (int block = 0; block < blocks; block++) {
      if (bits[block] == 0 || done.get(block)) {
        continue;
      }
      if (heap.cannotBeat(bound[block], block << 6)) {
        continue;
      }
      for (int group = 0; group < 8; group++) {
        long word = bits[block] & (0xFFL << (group * 8));
        if (word == 0) {
          continue;
        }
        int at = block * 8 + group;
        double sum = 0;
        for (ScoreTable.Scores s : scores) {
          sum += s.perGroup()[at];
        }
        if (!heap.cannotBeat((float) sum, at << 3)) {
          heap.addAll(scores, block, word);
        }
      }
    }
    return heap.drain();
  }

  /** The best hits so far, the worst at the root. */
  private static final class Heap {
    private final float[] score;
    private final int[] doc;
    private int size;

    Heap(int n) {
      score = new float[n];
      doc = new int[n];
    }

    boolean full() {
      return size == score.length;
    }

    float rootScore() {
      return score[0];
    }

    /** Adds {@code d} with its summed score. */
    void add(int d, ScoreTable.Scores[] scores) {
      double sum = 0;
      for (ScoreTable.Scores s : scores) {
        sum += s.perDoc()[d];
      }
      add((float) sum, d);
    }

    /**
     * Whether no column from {@code first} on whose score is at most {@code bound} can be kept: it
     * would need a higher score than the root's, or an equal one and a lower id.
     */
    boolean cannotBeat(float bound, int first) {
      return size == score.length && (bound < score[0] || (bound == score[0] && first > doc[0]));
    }

    /** Adds the columns of {@code word}, the hits of 64 columns from {@code block << 6}. */
    void addAll(ScoreTable.Scores[] scores, int block, long word) {
      while (word != 0) {
        int d = (block << 6) + Long.numberOfTrailingZeros(word);
        word &= word - 1;
        double sum = 0;
        for (ScoreTable.Scores s : scores) {
          sum += s.perDoc()[d];
        }
        add((float) sum, d);
      }
    }

    void add(float s, int d) {
      if (size < score.length) {
        score[size] = s;
        doc[size] = d;
        up(score, doc, size++);
      } else if (s > score[0] || (s == score[0] && d < doc[0])) {
        score[0] = s;
        doc[0] = d;
        down(score, doc, size);
      }
    }

    /** The hits, best first; empties the heap. */
    ScoreDoc[] drain() {
      ScoreDoc[] top = new ScoreDoc[size];
      for (int i = size - 1; i >= 0; i--) {
        top[i] = new ScoreDoc(doc[0], score[0]);
        score[0] = score[i];
        doc[0] = doc[i];
        down(score, doc, i);
      }
      size = 0;
      return top;
    }
  }

  /** Whether the hit at {@code a} ranks below the one at {@code b}. */
  private static boolean worse(float[] score, int[] doc, int a, int b) {
    return score[a] < score[b] || (score[a] == score[b] && doc[a] > doc[b]);
  }

  private static void up(float[] score, int[] doc, int i) {
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!worse(score, doc, i, parent)) {
        return;
      }
      swap(score, doc, i, parent);
      i = parent;
    }
  }

  private static void down(float[] score, int[] doc, int size) {
    int i = 0;
    while (true) {
      int child = 2 * i + 1;
      if (child >= size) {
        return;
      }
      if (child + 1 < size && worse(score, doc, child + 1, child)) {
        child++;
      }
      if (!worse(score, doc, child, i)) {
        return;
      }
      swap(score, doc, i, child);
      i = child;
    }
  }

  private static void swap(float[] score, int[] doc, int a, int b) {
    float s = score[a];
    score[a] = score[b];
    score[b] = s;
    int d = doc[a];
    doc[a] = doc[b];
    doc[b] = d;
  }
}

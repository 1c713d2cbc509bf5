package org.columnist.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.FixedBitSet;
import org.junit.jupiter.api.Test;

/**
 * Both ways {@link Best} finds the best hits give what sorting every hit gives: by score, ties to
 * the lower doc id. Scores are drawn from a few values, so that most hits tie with another and the
 * page's last place is often shared.
 */
class BestTest {
  private static final float[] VALUES = {0f, 0.25f, 0.5f, 0.75f, 1f};

  @Test
  void byRankAndByBlockGiveTheHitsAndOrderOfSortingThemAll() {
    Random random = new Random(18);
    for (int round = 0; round < 2000; round++) {
      int docs = 1 + random.nextInt(round % 2 == 0 ? 300 : 3000);
      ScoreTable.Scores[] words = new ScoreTable.Scores[1 + random.nextInt(3)];
      for (int w = 0; w < words.length; w++) {
        words[w] = scores(random, docs);
      }
      FixedBitSet hits = new FixedBitSet(docs);
      int density = 1 + random.nextInt(4);
      for (int d = 0; d < docs; d++) {
        if (random.nextInt(density) == 0) {
          hits.set(d);
        }
      }
      int n = 1 + random.nextInt(12);

      List<String> expected = sorted(words, hits, n);

      assertThat(text(Best.byRank(words, hits, n)))
          .as("byRank, round %d", round)
          .isEqualTo(expected);
      assertThat(text(Best.byBlock(words, hits, n)))
          .as("byBlock, round %d", round)
          .isEqualTo(expected);
    }
  }

  /** A word's scores as {@link ScoreTable} keeps them: per column, per 64 and 8, best first. */
  private static ScoreTable.Scores scores(Random random, int docs) {
    float[] perDoc = new float[docs];
    float[] perBlock = new float[(docs + 63) / 64];
    float[] perGroup = new float[perBlock.length * 8];
    List<Integer> scored = new ArrayList<>();
    // Each 8 columns with their own best value, so that blocks' maxima differ and tie.
    int[] top = new int[perGroup.length];
    for (int g = 0; g < top.length; g++) {
      top[g] = 1 + random.nextInt(VALUES.length);
    }
    for (int d = 0; d < docs; d++) {
      perDoc[d] = VALUES[random.nextInt(top[d >>> 3])];
      perBlock[d >>> 6] = Math.max(perBlock[d >>> 6], perDoc[d]);
      perGroup[d >>> 3] = Math.max(perGroup[d >>> 3], perDoc[d]);
      if (perDoc[d] > 0) {
        scored.add(d);
      }
    }
    scored.sort(Comparator.comparing((Integer d) -> -perDoc[d]).thenComparing(d -> d));
    return new ScoreTable.Scores(
        perDoc, perBlock, perGroup, scored.stream().mapToInt(Integer::intValue).toArray());
  }

  private static List<String> sorted(ScoreTable.Scores[] words, FixedBitSet hits, int n) {
    List<ScoreDoc> all = new ArrayList<>();
    for (int d = 0; d < hits.length(); d++) {
      if (hits.get(d)) {
        double sum = 0;
        for (ScoreTable.Scores w : words) {
          sum += w.perDoc()[d];
        }
        all.add(new ScoreDoc(d, (float) sum));
      }
    }
    all.sort(Comparator.comparing((ScoreDoc s) -> -s.score).thenComparing(s -> s.doc));
    return text(all.subList(0, Math.min(n, all.size())).toArray(ScoreDoc[]::new));
  }

  private static List<String> text(ScoreDoc[] hits) {
    return Arrays.stream(hits).map(h -> h.doc + ":" + h.score).toList();
  }
}

package org.columnist.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class PassageScoreTest {
  @Test
  void scoresEveryPassageToTheBitAsLuceneDoes() {
    String[] words = {"team", "manager", "trust", "boss", "meeting", "raise"};
    Random random = new Random(18);
    PassageScorer lucene = new PassageScorer();
    PassageScore ours = new PassageScore();
    for (int i = 0; i < 5000; i++) {
      Passage passage = new Passage();
      int start = random.nextInt(5000);
      passage.setStartOffset(start);
      // Lucene checks that a match is inside the passage: its end is set again below.
      passage.setEndOffset(Integer.MAX_VALUE);
      int offset = start;
      // Mostly a few matches, some with more than the few it compares word by word.
      int matches = random.nextInt(10) == 0 ? 60 + random.nextInt(20) : 1 + random.nextInt(8);
      int[] inDoc = new int[words.length];
      for (int w = 0; w < words.length; w++) {
        inDoc[w] = 1 + random.nextInt(40);
      }
      for (int m = 0; m < matches; m++) {
        int w = random.nextInt(random.nextBoolean() ? 2 : words.length);
        offset += 1 + random.nextInt(30);
        // A new BytesRef for each match, as the highlighter may hand over equal, not same, ones.
        passage.addMatch(offset, offset + words[w].length(), new BytesRef(words[w]), inDoc[w]);
        offset += words[w].length();
      }
      passage.setEndOffset(offset + random.nextInt(50));
      int contentLength = offset + random.nextInt(20_000);
      assertThat(Float.floatToIntBits(ours.score(passage, contentLength)))
          .as("passage %d", i)
          .isEqualTo(Float.floatToIntBits(lucene.score(passage, contentLength)));
    }
  }
}

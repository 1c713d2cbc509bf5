package org.columnist.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * The highlighter's passage score, Lucene's own to the bit, without the hash of the passage's words
 * that Lucene makes for each passage it scores: its first 32 KB block was half of what a search
 * allocated, about 0.5 MB a request. A passage holds a few matches, so each word is told from the
 * earlier ones by comparing them; one with very many is left to Lucene.
 */
final class PassageScore extends PassageScorer {
  private static final int FEW = 64;

  @Override
  public float score(Passage passage, int contentLength) {
    int matches = passage.getNumMatches();
    if (matches > FEW) {
      return super.score(passage, contentLength);
    }
    BytesRef[] terms = passage.getMatchTerms();
    int[] inDoc = passage.getMatchTermFreqsInDoc();
    // As Lucene adds up: each distinct word once, in the order of its first match.
    double score = 0;
    for (int i = 0; i < matches; i++) {
      if (seenBefore(terms, i)) {
        continue;
      }
      int inPassage = 1;
      for (int j = i + 1; j < matches; j++) {
        if (terms[j].equals(terms[i])) {
          inPassage++;
        }
      }
      score += tf(inPassage, passage.getLength()) * weight(contentLength, inDoc[i]);
    }
    score *= norm(passage.getStartOffset());
    return (float) score;
  }

  private static boolean seenBefore(BytesRef[] terms, int i) {
    for (int j = 0; j < i; j++) {
      if (terms[j].equals(terms[i])) {
        return true;
      }
    }
    return false;
  }
}

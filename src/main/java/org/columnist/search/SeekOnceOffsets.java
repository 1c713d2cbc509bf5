package org.columnist.search;

import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.PostingsOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.util.BytesRef;

/**
 * The highlighter's offsets from the postings, each query word sought once per segment for all the
 * hits of a page instead of once per hit: Lucene's strategy seeks every word and opens its postings
 * anew for each hit, a tenth of a search. The hits come in doc id order (the highlighter sorts
 * them), so each word's postings only move forward. One instance serves one highlight call.
 */
final class SeekOnceOffsets extends PostingsOffsetStrategy {
  private final Map<Terms, PostingsEnum[]> postings = new IdentityHashMap<>();
  private final Map<Terms, boolean[]> missing = new IdentityHashMap<>();

  SeekOnceOffsets(UHComponents components) {
    super(components);
  }

  @Override
  protected void createOffsetsEnumsForTerms(
      BytesRef[] sourceTerms, Terms termsIndex, int doc, List<OffsetsEnum> results)
      throws IOException {
    PostingsEnum[] open =
        postings.computeIfAbsent(termsIndex, t -> new PostingsEnum[sourceTerms.length]);
    boolean[] absent = missing.computeIfAbsent(termsIndex, t -> new boolean[sourceTerms.length]);
    TermsEnum terms = null;
    for (int i = 0; i < sourceTerms.length; i++) {
      if (absent[i]) {
        continue;
      }
      PostingsEnum p = open[i];
      // At or past this hit already (its positions read): sought again.
      if (p == null || p.docID() >= doc) {
        terms = terms == null ? termsIndex.iterator() : terms;
        if (!terms.seekExact(sourceTerms[i])) {
          absent[i] = true;
          continue;
        }
        p = terms.postings(null, PostingsEnum.OFFSETS);
        open[i] = p;
      }
      if (p.advance(doc) == doc) {
        results.add(new OffsetsEnum.OfPostings(sourceTerms[i], p));
      }
    }
  }
}

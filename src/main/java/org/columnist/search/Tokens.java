package org.columnist.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.CharacterUtils;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.ArrayUtil;

/**
 * A text's tokens from the index analyzer, taken once and given to the index as they came: terms,
 * position increments and offsets, and the final increment and offset of {@code end()}. Lets one
 * analysis of a column's text serve its own field, the field of all its words and the field of its
 * words as written (for spelling).
 */
final class Tokens extends TokenStream {
  // Each thread's own chain, reused for each text it analyses (as an Analyzer reuses its own).
  private static final ThreadLocal<Chain> CHAINS = ThreadLocal.withInitial(Chain::new);

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute increment =
      addAttribute(PositionIncrementAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);

  // Token i's characters are chars[ends[i - 1] .. ends[i]); its increment and offsets alongside.
  private char[] chars = new char[256];
  private int[] ends = new int[64];
  private int[] increments = new int[64];
  private int[] starts = new int[64];
  private int[] stops = new int[64];
  private int count;
  private int finalIncrement;
  private int finalOffset;
  private int next;

  private Tokens() {}

  /**
   * {@code text} analysed as {@link Analyzers#index()} does, its terms also added to {@code seen},
   * and the words the tokenizer cut, lowercased and before any filter (stop words and possessives
   * kept, unstemmed), to {@code written} unless it is null.
   */
  static Tokens analyse(String text, CharArraySet seen, CharArraySet written) {
    Tokens tokens = new Tokens();
    Chain chain = CHAINS.get();
    chain.written.into = written;
    chain.source.setReader(new StringReader(text));
    try (TokenStream stream = chain.stems) {
      CharTermAttribute t = stream.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = stream.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute off = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        tokens.add(t.buffer(), t.length(), inc.getPositionIncrement(), off);
        if (!seen.contains(t.buffer(), 0, t.length())) {
          seen.add(t.toString());
        }
      }
      stream.end();
      tokens.finalIncrement = inc.getPositionIncrement();
      tokens.finalOffset = off.endOffset();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a String reader does not fail
    } finally {
      chain.written.into = null; // the thread's chain keeps no column's words
    }
    return tokens;
  }

  /** The index chain with a tap on its tokenizer's words. */
  private static final class Chain {
    final Tokenizer source = new StandardTokenizer();
    final Written written = new Written(source);
    final TokenStream stems = Analyzers.stems(written, null);
  }

  /** Adds each word that passes, lowercased, to {@link #into}, and passes it on as it is. */
  private static final class Written extends TokenFilter {
    private final CharTermAttribute word = addAttribute(CharTermAttribute.class);
    private char[] lower = new char[64];
    CharArraySet into;

    Written(TokenStream words) {
      super(words);
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      if (into != null) {
        int length = word.length();
        if (lower.length < length) {
          lower = new char[ArrayUtil.oversize(length, Character.BYTES)];
        }
        System.arraycopy(word.buffer(), 0, lower, 0, length);
        CharacterUtils.toLowerCase(lower, 0, length); // as LowerCaseFilter does
        if (!into.contains(lower, 0, length)) {
          into.add(Arrays.copyOf(lower, length));
        }
      }
      return true;
    }
  }

  /** Each of {@code terms} once, in no particular order, for a field that holds documents only. */
  static Tokens each(CharArraySet terms) {
    Tokens tokens = new Tokens();
    for (Object term : terms) {
      char[] word = (char[]) term;
      tokens.add(word, word.length, 1, null);
    }
    return tokens;
  }

  /**
   * The tokens of several texts in one stream, for a field that weighs each word by where it is:
   * each token of {@code texts[i]} comes {@code weights[i]} times at its position (the repeats
   * stacked, increment 0, so the length norm counts it once), and {@code gap} positions part one
   * text from the next, so that a phrase is never found across two. A null text is skipped. No
   * offsets.
   */
  static Tokens stacked(Tokens[] texts, int[] weights, int gap) {
    Tokens tokens = new Tokens();
    for (int t = 0; t < texts.length; t++) {
      Tokens text = texts[t];
      if (text == null) {
        continue; // a field the column does not have
      }
      for (int i = 0; i < text.count; i++) {
        int from = i == 0 ? 0 : text.ends[i - 1];
        int length = text.ends[i] - from;
        int increment = text.increments[i] + (i == 0 && tokens.count > 0 ? gap : 0);
        tokens.add(text.chars, from, length, increment, null);
        for (int r = 1; r < weights[t]; r++) {
          tokens.add(text.chars, from, length, 0, null);
        }
      }
    }
    return tokens;
  }

  private void add(char[] buffer, int length, int positionIncrement, OffsetAttribute at) {
    add(buffer, 0, length, positionIncrement, at);
  }

  private void add(
      char[] buffer, int offset, int length, int positionIncrement, OffsetAttribute at) {
    if (count == ends.length) {
      ends = Arrays.copyOf(ends, count * 2);
      increments = Arrays.copyOf(increments, count * 2);
      starts = Arrays.copyOf(starts, count * 2);
      stops = Arrays.copyOf(stops, count * 2);
    }
    int from = count == 0 ? 0 : ends[count - 1];
    if (from + length > chars.length) {
      chars = Arrays.copyOf(chars, Math.max(chars.length * 2, from + length));
    }
    System.arraycopy(buffer, offset, chars, from, length);
    ends[count] = from + length;
    increments[count] = positionIncrement;
    starts[count] = at == null ? 0 : at.startOffset();
    stops[count] = at == null ? 0 : at.endOffset();
    count++;
  }

  @Override
  public boolean incrementToken() {
    if (next == count) {
      return false;
    }
    clearAttributes();
    int from = next == 0 ? 0 : ends[next - 1];
    term.copyBuffer(chars, from, ends[next] - from);
    increment.setPositionIncrement(increments[next]);
    offset.setOffset(starts[next], stops[next]);
    next++;
    return true;
  }

  @Override
  public void end() throws IOException {
    super.end();
    increment.setPositionIncrement(finalIncrement);
    offset.setOffset(finalOffset, finalOffset);
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    next = 0;
  }
}

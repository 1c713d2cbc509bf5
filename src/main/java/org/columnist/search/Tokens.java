package org.columnist.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.CharacterUtils;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.BytesTermAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.BytesRef;

/**
 * A text's tokens from the index analyzer, taken once and given to the index as they came: terms
 * (as the UTF-8 bytes the index keeps), position increments and offsets, and the final increment
 * and offset of {@code end()}. Lets one analysis of a column's text serve its own field, the
 * weighted field, the field of all its words and the field of its words as written (for spelling).
 */
final class Tokens extends TokenStream {
  // Each thread's own tokenizer and word memo, reused for each column it analyses.
  private static final ThreadLocal<Memo> MEMOS = ThreadLocal.withInitial(Memo::new);

  // A bound on the memo of one thread: a few megabytes, far more words than an archive's
  // vocabulary in its forms as written.
  private static final int MAX_WORDS = 100_000;

  private final BytesTermAttribute term = addAttribute(BytesTermAttribute.class);
  private final PositionIncrementAttribute increment =
      addAttribute(PositionIncrementAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);

  private BytesRef[] terms = new BytesRef[64];
  private int[] increments = new int[64];
  private int[] starts = new int[64];
  private int[] stops = new int[64];
  private int count;
  private int finalIncrement;
  private int finalOffset;
  private int next;

  private Tokens() {}

  /** A column's analysis, on this thread: each of its texts, and the words of them all. */
  static Analysis ofColumn() {
    return new Analysis(MEMOS.get());
  }

  /**
   * The texts of one column, each analysed as {@link Analyzers#index()} does, while gathering their
   * terms (for the field of all words) and the words the tokenizer cut, lowercased and before any
   * filter (stop words and possessives kept, unstemmed), for spelling.
   */
  static final class Analysis {
    private final Memo memo;
    private final int column;
    private final List<Term> all = new ArrayList<>();
    private final List<Term> written = new ArrayList<>();

    private Analysis(Memo memo) {
      this.memo = memo;
      this.column = memo.nextColumn();
    }

    /** {@code text}'s tokens; its words as written count for spelling when {@code spelled}. */
    Tokens text(String text, boolean spelled) {
      Tokens tokens = new Tokens();
      Tokenizer source = memo.source;
      source.setReader(new StringReader(text));
      try {
        source.reset();
        // The increments of dropped stop words go to the next token kept, as StopFilter does.
        int skipped = 0;
        while (source.incrementToken()) {
          Word word = memo.word(memo.raw.buffer(), memo.raw.length());
          if (spelled && word.written.inWritten != column) {
            word.written.inWritten = column;
            written.add(word.written);
          }
          int increment = skipped + memo.increment.getPositionIncrement();
          if (word.stem == null) {
            skipped = increment;
            continue;
          }
          skipped = 0;
          tokens.add(
              word.stem.bytes, increment, memo.offset.startOffset(), memo.offset.endOffset());
          if (word.stem.inAll != column) {
            word.stem.inAll = column;
            all.add(word.stem);
          }
        }
        source.end();
        tokens.finalIncrement = skipped + memo.increment.getPositionIncrement();
        tokens.finalOffset = memo.offset.endOffset();
        source.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e); // a String reader does not fail
      }
      return tokens;
    }

    /** Each term of the texts once, in no particular order, for a field of documents only. */
    Tokens all() {
      return each(all);
    }

    /** Each word as written of the spelled texts once, in no particular order. */
    Tokens written() {
      return each(written);
    }

    private static Tokens each(List<Term> terms) {
      Tokens tokens = new Tokens();
      for (Term t : terms) {
        tokens.add(t.bytes, 1, 0, 0);
      }
      return tokens;
    }
  }

  /**
   * What the index chain makes of each word a thread's tokenizer cuts, worked out once: the chain
   * after the tokenizer takes one word at a time (possessive, lowercase, stop word, stem), so a
   * word's fate does not depend on its neighbours, and most words of a text are ones seen before.
   */
  private static final class Memo {
    final Tokenizer source = new StandardTokenizer();
    final CharTermAttribute raw = source.addAttribute(CharTermAttribute.class);
    final PositionIncrementAttribute increment =
        source.addAttribute(PositionIncrementAttribute.class);
    final OffsetAttribute offset = source.addAttribute(OffsetAttribute.class);
    final OneWord one = new OneWord();
    final TokenStream stems = Analyzers.stems(one, null);
    final CharTermAttribute stem = stems.getAttribute(CharTermAttribute.class);
    // Words as the tokenizer cut them; terms (stems and words as written), one object each, so a
    // column gathers each once by marking it.
    final CharArrayMap<Word> words = new CharArrayMap<>(1024, false);
    final CharArrayMap<Term> terms = new CharArrayMap<>(1024, false);
    int columns;

    int nextColumn() {
      if (words.size() > MAX_WORDS) {
        words.clear();
        terms.clear();
      }
      return ++columns;
    }

    Word word(char[] buffer, int length) throws IOException {
      Word word = words.get(buffer, 0, length);
      if (word == null) {
        char[] key = Arrays.copyOf(buffer, length);
        char[] lower = key.clone();
        CharacterUtils.toLowerCase(lower, 0, length); // as LowerCaseFilter does
        one.word = key;
        stems.reset();
        Term stemmed = stems.incrementToken() ? term(stem.buffer(), stem.length()) : null;
        stems.end();
        stems.close();
        word = new Word(term(lower, length), stemmed);
        words.put(key, word);
      }
      return word;
    }

    private Term term(char[] buffer, int length) {
      Term term = terms.get(buffer, 0, length);
      if (term == null) {
        char[] key = Arrays.copyOf(buffer, length);
        term = new Term(new BytesRef(new String(key)));
        terms.put(key, term);
      }
      return term;
    }
  }

  /** A word as cut: as written (lowercased), and its stem, null for a stop word. */
  private record Word(Term written, Term stem) {}

  /** A term's bytes, and the last column that gathered it in each of its two sets. */
  private static final class Term {
    final BytesRef bytes;
    int inAll;
    int inWritten;

    Term(BytesRef bytes) {
      this.bytes = bytes;
    }
  }

  /** One word, for the filters of the index chain. */
  private static final class OneWord extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    char[] word;
    private boolean done;

    @Override
    public boolean incrementToken() {
      if (done) {
        return false;
      }
      clearAttributes();
      term.copyBuffer(word, 0, word.length);
      done = true;
      return true;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      done = false;
    }
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
        int increment = text.increments[i] + (i == 0 && tokens.count > 0 ? gap : 0);
        tokens.add(text.terms[i], increment, 0, 0);
        for (int r = 1; r < weights[t]; r++) {
          tokens.add(text.terms[i], 0, 0, 0);
        }
      }
    }
    return tokens;
  }

  private void add(BytesRef bytes, int positionIncrement, int start, int stop) {
    if (count == terms.length) {
      terms = Arrays.copyOf(terms, count * 2);
      increments = Arrays.copyOf(increments, count * 2);
      starts = Arrays.copyOf(starts, count * 2);
      stops = Arrays.copyOf(stops, count * 2);
    }
    terms[count] = bytes;
    increments[count] = positionIncrement;
    starts[count] = start;
    stops[count] = stop;
    count++;
  }

  @Override
  public boolean incrementToken() {
    if (next == count) {
      return false;
    }
    clearAttributes();
    term.setBytesRef(terms[next]);
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

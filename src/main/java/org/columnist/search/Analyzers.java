package org.columnist.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;

/**
 * English analysis for the archive: words lowercased, possessives and stop words dropped, Porter
 * stems; at query time the synonym groups of the config too ("boss" finds "manager").
 */
final class Analyzers {
  /** The groups used when the config names none. */
  static final List<String> DEFAULT_SYNONYMS =
      List.of(
          "boss, manager, supervisor",
          "client, customer",
          "coworker, colleague, co-worker",
          "salary, pay, compensation, wages",
          "quit, resign",
          "fired, laid off, let go, dismissed",
          "burnout, exhaustion, burned out",
          "raise, pay rise",
          "job, position, role",
          "layoff, redundancy",
          "bully, harass");

  private Analyzers() {}

  /** The analyzer that indexes text. */
  static Analyzer index() {
    return stemmed(null);
  }

  /** The analyzer that reads visitors' queries: as {@link #index()}, with synonyms expanded. */
  static Analyzer query(List<String> synonymGroups) {
    return stemmed(synonyms(synonymGroups));
  }

  /**
   * English words, lowercased, without stop words, stemmed: one chain for the index and the
   * queries, since a query finds only the stems the index made.
   */
  private static Analyzer stemmed(SynonymMap synonyms) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer source = new StandardTokenizer();
        return new TokenStreamComponents(source, stems(source, synonyms));
      }
    };
  }

  /**
   * The filters of {@link #index()} (and, with {@code synonyms}, of {@link #query}) over the words
   * of a {@link StandardTokenizer}. Synonyms, if any, go in before the stop words are dropped, so
   * that a synonym phrase keeps its small words.
   */
  static TokenStream stems(TokenStream words, SynonymMap synonyms) {
    TokenStream stream = new EnglishPossessiveFilter(words);
    stream = new LowerCaseFilter(stream);
    if (synonyms != null && synonyms.fst != null) {
      stream = new SynonymGraphFilter(stream, synonyms, true);
    }
    stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    return new PorterStemFilter(stream);
  }

  private static SynonymMap synonyms(List<String> groups) {
    try {
      SynonymMap.Builder builder = new SynonymMap.Builder(true);
      for (String group : groups) {
        List<String> words = List.of(group.toLowerCase(java.util.Locale.ROOT).split("\\s*,\\s*"));
        for (String a : words) {
          for (String b : words) {
            if (!a.equals(b) && !a.isBlank() && !b.isBlank()) {
              builder.add(phrase(a), phrase(b), true);
            }
          }
        }
      }
      return builder.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CharsRef phrase(String words) {
    return SynonymMap.Builder.join(words.strip().split("\\s+"), new CharsRefBuilder());
  }
}

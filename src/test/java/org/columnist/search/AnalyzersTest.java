package org.columnist.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class AnalyzersTest {
  @Test
  void aQueryWithoutSynonymsMakesTheStemsTheIndexMakes() throws IOException {
    String text = "The manager's teams were managing their former peers' workloads";
    assertThat(terms(Analyzers.query(List.of()), text))
        .isEqualTo(terms(Analyzers.index(), text))
        .containsExactly("manag", "team", "were", "manag", "former", "peer", "workload");
  }

  @Test
  void aQueryAlsoFindsTheSynonymsOfItsWords() throws IOException {
    assertThat(terms(Analyzers.query(List.of("burnout, exhaustion")), "burnout"))
        .contains("burnout", "exhaust");
  }

  private static List<String> terms(Analyzer analyzer, String text) throws IOException {
    List<String> terms = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("f", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
      }
      stream.end();
    }
    return terms;
  }
}

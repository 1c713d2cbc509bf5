package org.columnist.config;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.PlainTextOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.columnist.ColumnistException;
import org.columnist.Sha256;

/**
 * The instance's Freemarker templates: a file in the instance's {@code templates/} folder replaces
 * the template of the same path shipped in the jar, one file at a time.
 */
public final class Templates {
  private final Configuration freemarker;
  private final Path instanceDir;
  private final Path shippedDir;

  public Templates(Path instanceTemplates) {
    this(instanceTemplates, null);
  }

  /**
   * With the shipped templates read from the folder {@code shippedTemplates} instead of the jar (a
   * test's stand-in for another release's), or from the jar when it is null.
   */
  public Templates(Path instanceTemplates, Path shippedTemplates) {
    this.instanceDir = instanceTemplates;
    this.shippedDir = shippedTemplates;
    freemarker = new Configuration(Configuration.VERSION_2_3_34);
    List<TemplateLoader> loaders = new ArrayList<>();
    if (Files.isDirectory(instanceTemplates)) {
      try {
        loaders.add(new FileTemplateLoader(instanceTemplates.toFile()));
      } catch (IOException e) {
        throw new ColumnistException(
            "cannot read the templates folder " + instanceTemplates + ": " + e.getMessage(), e);
      }
    }
    loaders.add(shipped(shippedTemplates));
    freemarker.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new)));
    freemarker.setDefaultEncoding("UTF-8");
    freemarker.setRecognizeStandardFileExtensions(true); // .ftlh: HTML output, auto-escaped
    freemarker.setOutputFormat(PlainTextOutputFormat.INSTANCE);
    freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    freemarker.setLogTemplateExceptions(false);
    freemarker.setWrapUncheckedExceptions(true);
    freemarker.setFallbackOnNullLoopVariable(false);
  }

  // The last fingerprint taken, to notice that the templates changed.
  private String fingerprint;

  /**
   * A hash of the effective templates: each shipped one, or the instance's file that replaces it,
   * and the instance's own. A new release's templates, or an edited override, change it. When it is
   * not the one this last gave, the templates parsed before are dropped: a build that finds them
   * changed renders them as they are now, where Freemarker would look again only every few seconds.
   */
  public String fingerprint() {
    String now = hashOfFiles();
    synchronized (this) {
      if (fingerprint != null && !fingerprint.equals(now)) {
        freemarker.clearTemplateCache();
      }
      fingerprint = now;
    }
    return now;
  }

  private String hashOfFiles() {
    try {
      Map<String, byte[]> effective = new TreeMap<>();
      if (shippedDir == null) {
        effective.putAll(inJar());
      } else {
        readAll(shippedDir, effective);
      }
      if (Files.isDirectory(instanceDir)) {
        readAll(instanceDir, effective);
      }
      MessageDigest digest = Sha256.digest();
      effective.forEach(
          (name, bytes) -> {
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(bytes);
          });
      return Sha256.hex(digest);
    } catch (IOException e) {
      throw new ColumnistException(
          "cannot read the templates in " + instanceDir + ": " + e.getMessage(), e);
    }
  }

  private static Map<String, byte[]> inJar;

  /**
   * The templates the jar ships, read once: they cannot change while it runs, and reading them was
   * a twentieth of a daemon's build after one publish.
   */
  private static synchronized Map<String, byte[]> inJar() throws IOException {
    if (inJar == null) {
      inJar =
          Map.copyOf(ShippedFolder.read("/templates", folder -> readAll(folder, new TreeMap<>())));
    }
    return inJar;
  }

  /** Puts every file under {@code folder} into {@code into} by its '/'-separated name. */
  private static Map<String, byte[]> readAll(Path folder, Map<String, byte[]> into)
      throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        String name =
            folder.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
        into.put(name, Files.readAllBytes(file));
      }
    }
    return into;
  }

  private static TemplateLoader shipped(Path folder) {
    if (folder == null) {
      return new ClassTemplateLoader(Templates.class, "/templates");
    }
    try {
      return new FileTemplateLoader(folder.toFile());
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the shipped templates in " + folder, e);
    }
  }

  /** Whether a template exists at {@code name} (in the instance or the jar). */
  public boolean exists(String name) {
    try {
      freemarker.getTemplate(name);
      return true;
    } catch (TemplateNotFoundException e) {
      return false;
    } catch (IOException e) {
      throw new ColumnistException("template " + name + ": " + e.getMessage(), e);
    }
  }

  /**
   * The file {@code name} as it is written, found like a template (the instance's copy, else the
   * shipped one) but not rendered: in a stylesheet or a script, {@code ${} means itself.
   */
  public byte[] file(String name) {
    TemplateLoader loader = freemarker.getTemplateLoader();
    try {
      Object source = loader.findTemplateSource(name);
      if (source == null) {
        throw new ColumnistException("no file " + name + " in the templates");
      }
      try (java.io.Reader in = loader.getReader(source, "UTF-8")) {
        StringWriter out = new StringWriter();
        in.transferTo(out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
      } finally {
        loader.closeTemplateSource(source);
      }
    } catch (IOException e) {
      throw new ColumnistException("cannot read " + name + ": " + e.getMessage(), e);
    }
  }

  /** Renders {@code name} with {@code model}; a template error names the template and line. */
  public String render(String name, Map<String, ?> model) {
    StringWriter out = new StringWriter();
    render(name, model, out);
    return out.toString();
  }

  /** Renders {@code name} with {@code model} into {@code out}, as {@link #render(String, Map)}. */
  public void render(String name, Map<String, ?> model, Writer out) {
    try {
      freemarker.getTemplate(name).process(model, out);
    } catch (TemplateException e) {
      throw new ColumnistException(
          "template "
              + name
              + " line "
              + e.getLineNumber()
              + ": "
              + e.getMessageWithoutStackTop().lines().findFirst().orElse(""),
          e);
    } catch (IOException e) {
      throw new ColumnistException("template " + name + ": " + e.getMessage(), e);
    }
  }
}

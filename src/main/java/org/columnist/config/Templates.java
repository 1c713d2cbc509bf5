package org.columnist.config;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.PlainTextOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.columnist.ColumnistException;

/**
 * The instance's Freemarker templates: a file in the instance's {@code templates/} folder replaces
 * the template of the same path shipped in the jar, one file at a time.
 */
public final class Templates {
  private final Configuration freemarker;

  public Templates(Path instanceTemplates) {
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
    loaders.add(new ClassTemplateLoader(Templates.class, "/templates"));
    freemarker.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new)));
    freemarker.setDefaultEncoding("UTF-8");
    freemarker.setRecognizeStandardFileExtensions(true); // .ftlh: HTML output, auto-escaped
    freemarker.setOutputFormat(PlainTextOutputFormat.INSTANCE);
    freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    freemarker.setLogTemplateExceptions(false);
    freemarker.setWrapUncheckedExceptions(true);
    freemarker.setFallbackOnNullLoopVariable(false);
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

  /** Renders {@code name} with {@code model}; a template error names the template and line. */
  public String render(String name, Map<String, ?> model) {
    try {
      Template template = freemarker.getTemplate(name);
      StringWriter out = new StringWriter();
      template.process(model, out);
      return out.toString();
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

package io.podctl.plan.render;

import freemarker.cache.ConditionalTemplateConfigurationFactory;
import freemarker.cache.PathGlobMatcher;
import freemarker.core.TemplateConfiguration;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateModelException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Every template of the repo-level {@code templates/} folder (on the class path), behind one
 * Freemarker configuration built once (parsed templates are cached by it).
 *
 * <p>Strict on purpose: a missing value is an error, never an empty string in a host's config
 * or a reviewer's comment. Under {@code bootstrap/} interpolation is {@code [=expr]}, so the
 * shell's and systemd's {@code ${VAR}} pass through literally; elsewhere it is {@code ${expr}}.
 */
public final class Templates {
    private static final Configuration CONFIGURATION = configuration();

    private Templates() {}

    /** Renders {@code bootstrap/<name>} with the given data model (a record or a map). */
    static String render(String name, Object model) {
        return renderPath("bootstrap/" + name, model);
    }

    /** Renders the template at {@code path} under {@code templates/}, e.g. {@code pr-comment.md.ftl}. */
    public static String renderPath(String path, Object model) {
        try {
            Template template = CONFIGURATION.getTemplate(path);
            StringWriter out = new StringWriter();
            template.process(model, out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load template templates/" + path, e);
        } catch (TemplateException e) {
            throw new IllegalStateException("template " + path + " failed: " + e.getMessageWithoutStackTop(), e);
        }
    }

    private static Configuration configuration() {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setClassLoaderForTemplateLoading(Templates.class.getClassLoader(), "templates");
        cfg.setDefaultEncoding("UTF-8");
        cfg.setLocale(Locale.ROOT);
        cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
        cfg.setLocalizedLookup(false);
        TemplateConfiguration bootstrap = new TemplateConfiguration();
        bootstrap.setInterpolationSyntax(Configuration.SQUARE_BRACKET_INTERPOLATION_SYNTAX);
        cfg.setTemplateConfigurations(new ConditionalTemplateConfigurationFactory(new PathGlobMatcher("bootstrap/**"), bootstrap));
        // ports and counts print as 2181, never as a locale's "2,181"
        cfg.setNumberFormat("computer");
        cfg.setBooleanFormat("c");
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setAPIBuiltinEnabled(false);
        try {
            cfg.setSharedVariable("layout", Layout.STANDARD);
        } catch (TemplateModelException e) {
            throw new IllegalStateException(e);
        }
        return cfg;
    }
}

package io.podctl.plan.render;

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
 * The bootstrap templates under {@code templates/bootstrap/} on the class path, behind one
 * Freemarker configuration built once (parsed templates are cached by it).
 *
 * <p>Strict on purpose: a missing value is an error, never an empty string in a host's config.
 * Interpolation uses {@code [=expr]} so the shell's and systemd's {@code ${VAR}} pass through
 * the templates literally.
 */
final class Templates {
    private static final Configuration CONFIGURATION = configuration();

    private Templates() {}

    /** Renders {@code bootstrap/<name>} with the given data model (a record or a map). */
    static String render(String name, Object model) {
        try {
            Template template = CONFIGURATION.getTemplate("bootstrap/" + name);
            StringWriter out = new StringWriter();
            template.process(model, out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load template bootstrap/" + name, e);
        } catch (TemplateException e) {
            throw new IllegalStateException("template bootstrap/" + name + " failed: " + e.getMessageWithoutStackTop(), e);
        }
    }

    private static Configuration configuration() {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setClassLoaderForTemplateLoading(Templates.class.getClassLoader(), "templates");
        cfg.setDefaultEncoding("UTF-8");
        cfg.setLocale(Locale.ROOT);
        cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
        cfg.setLocalizedLookup(false);
        cfg.setInterpolationSyntax(Configuration.SQUARE_BRACKET_INTERPOLATION_SYNTAX);
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

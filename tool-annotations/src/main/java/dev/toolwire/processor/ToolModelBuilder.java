package dev.toolwire.processor;

import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.inject.ast.MethodElement;
import io.micronaut.inject.ast.ParameterElement;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads one {@code @Tool} method into a {@link ToolModel}, running every rule and collecting every error. */
final class ToolModelBuilder {
    private static final int DEFAULT_TIMEOUT_SECONDS = 10;

    private final ErrorReporter reporter;
    private final ArgumentBuilder argumentBuilder;
    private final ResultSchemas results;
    private final String naming;

    ToolModelBuilder(ErrorReporter reporter, WireNames names) {
        this.reporter = reporter;
        this.argumentBuilder = new ArgumentBuilder(new SchemaGenerator(reporter, names), reporter, names);
        this.results = new ResultSchemas(SchemaGenerator.forResults(reporter, names));
        this.naming = names.naming();
    }

    /** @return the model, or empty when the method had errors (all of them reported) */
    Optional<ToolModel> build(MethodElement method, String signature) {
        int errorsBefore = reporter.errorCount();
        MethodRules.check(method, signature, reporter);
        AnnotationValue<Annotation> tool = method.getAnnotation(Names.TOOL);
        Optional<String> explicitName = ArgumentBuilder.member(tool, "name");
        String name = explicitName.orElseGet(() -> WireNames.snakeCase(method.getName()));
        boolean nameValid = NameRules.check(name, explicitName.isPresent(), method, reporter);
        String description = ArgumentBuilder.member(tool, "description")
                .orElseGet(() -> Docs.clean(method.getDocumentation(true).orElse(null)));
        if (description.isEmpty()) {
            reporter.warning(ErrorId.ToolDescriptionMissing, method, "@Tool method " + signature
                    + " has no description. The agent chooses tools by description; add Javadoc or"
                    + " @Tool(description = \"...\").");
        }
        int timeout = tool.intValue("timeoutSeconds").orElse(DEFAULT_TIMEOUT_SECONDS);
        if (timeout < 1) {
            reporter.error(ErrorId.ToolTimeoutInvalid, method, Names.TOOL, "timeoutSeconds", "@Tool(timeoutSeconds = " + timeout + ") on "
                    + signature + " is less than 1. Use a timeout of at least 1 second.");
        }
        List<ArgumentModel> arguments = new ArrayList<>();
        List<ParamModel> parameters = parameters(method, signature, arguments);
        Optional<String> explicitPath = ArgumentBuilder.member(tool, "path");
        String path = explicitPath.orElse("/tools/" + name);
        // A default path built from an invalid name is not reported twice.
        Optional<List<PathParameterModel>> pathParameters = nameValid || explicitPath.isPresent()
                ? PathRules.check(path, arguments, method, signature, reporter) : Optional.empty();
        Optional<JobModel> job = LongRunningRules.job(method, signature, name, timeout, reporter);
        int deduplicationWindow = LongRunningRules.deduplicationWindow(method, reporter);
        if (reporter.errorCount() != errorsBefore || pathParameters.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ToolModel(name, description, ArgumentBuilder.member(tool, "method").orElse("POST"), path,
                pathParameters.get(), ObjectSchemaBuilder.model("", arguments).schema(),
                tool.booleanValue("async").orElse(false), timeout, ArgumentBuilder.member(tool, "startMessage").orElse(""),
                ArgumentBuilder.member(tool, "completeMessage").orElse(""), ArgumentBuilder.member(tool, "auth").orElse("DEFAULT"),
                method.getDeclaringType().getName(), method.getName(), parameters, job.orElse(null),
                deduplicationWindow, naming, results.of(method, signature).orElse(null)));
    }

    private List<ParamModel> parameters(MethodElement method, String signature, List<ArgumentModel> arguments) {
        List<ParamModel> parameters = new ArrayList<>();
        Site site = new Site(method, "@Tool method " + signature, signature, List.of());
        for (ParameterElement parameter : method.getParameters()) {
            String javaType = ToolSignatures.javaType(parameter.getType());
            if (parameter.getType().getName().equals(Names.TOOL_CONTEXT)) {
                parameters.add(new ParamModel(true, javaType, null, null));
                continue;
            }
            argumentBuilder.add(parameter, site, arguments).ifPresent(argument ->
                    parameters.add(new ParamModel(false, javaType, argument.wireName(), argument.type().binding())));
        }
        return parameters;
    }
}

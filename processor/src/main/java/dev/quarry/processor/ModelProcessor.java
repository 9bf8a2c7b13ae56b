package dev.quarry.processor;

import com.google.auto.service.AutoService;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Validates each {@code @Model} class and generates its {@code XxxQuery} beside it. Isolating for Gradle: each
 * generated file depends on its model class alone (the model is its only originating element).
 *
 * <p>Quiet on valid models: no notes, no warnings.
 */
@AutoService(Processor.class)
public final class ModelProcessor extends AbstractProcessor {
    private ModelReader reader;
    private QueryClassWriter writer;
    /** Models whose field types did not exist yet, by qualified name: retried in the next round. */
    private final Set<String> deferred = new LinkedHashSet<>();

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        // Quarry's annotations and the @Generated of the generated classes, so that they can be claimed (see
        // RoundClaims and the end of process).
        return Set.of(Annotations.ALL, Annotations.GENERATED);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (reader == null) {
            reader = new ModelReader(processingEnv.getElementUtils(), processingEnv.getTypeUtils(),
                    processingEnv.getMessager());
            writer = new QueryClassWriter(
                    processingEnv.getElementUtils().getTypeElement(Annotations.GENERATED) != null);
        }
        if (round.processingOver()) {
            // Types still missing now never appeared: javac reports them itself, so say nothing more.
            deferred.clear();
            return false;
        }
        Set<Element> models = new LinkedHashSet<>();
        for (String name : deferred) {
            TypeElement model = processingEnv.getElementUtils().getTypeElement(name);
            if (model != null) {
                models.add(model);
            }
        }
        deferred.clear();
        TypeElement annotation = processingEnv.getElementUtils().getTypeElement(Annotations.MODEL);
        if (annotation != null) {
            models.addAll(round.getElementsAnnotatedWith(annotation));
        }
        for (Element model : models) {
            ModelReader.Result result = reader.read(model);
            if (result instanceof ModelReader.Valid valid) {
                generate(valid.model());
            } else if (result instanceof ModelReader.Deferred) {
                deferred.add(((TypeElement) model).getQualifiedName().toString());
            }
        }
        // Claim when RegistryProcessor has had its turn in this round, or when the round holds no Quarry annotation
        // (only the @Generated of our classes, which RegistryProcessor does not handle).
        boolean second = RoundClaims.arriveSecond(round, getClass().getName());
        return second || annotations.stream().noneMatch(Annotations::isQuarry);
    }

    private void generate(ModelDescriptor model) {
        try {
            writer.write(model).writeTo(processingEnv.getFiler());
        } catch (IOException e) {
            // Typically a class of the same name already exists (e.g. OuterInner and Outer.Inner).
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "Cannot write "
                    + model.queryClass().canonicalName() + " for model " + model.modelClass().simpleName() + ": "
                    + e.getMessage() + "; if another class already has this name, rename one of them",
                    model.element());
        }
    }
}

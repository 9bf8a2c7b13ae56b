package dev.quarry.processor;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * The errors of one model: reports each at the most precise position available (the annotation value, the
 * annotation, or the element) and remembers whether there was any, so that nothing is generated for the model.
 */
final class Diagnostics {
    private final Messager messager;
    private boolean failed;

    Diagnostics(Messager messager) {
        this.messager = messager;
    }

    boolean failed() {
        return failed;
    }

    /**
     * Generates nothing for the model without a message of its own: for problems that another error already
     * explains (the target model's own errors, or javac's).
     */
    void skip() {
        failed = true;
    }

    void error(Element element, String message) {
        failed = true;
        messager.printMessage(Diagnostic.Kind.ERROR, message, element);
    }

    /** An error on {@code annotation} of the element, or on the element itself when the annotation is null. */
    void error(Element element, AnnotationMirror annotation, String message) {
        if (annotation == null) {
            error(element, message);
        } else {
            failed = true;
            messager.printMessage(Diagnostic.Kind.ERROR, message, element, annotation);
        }
    }

    /** An error on one value of an annotation (falls back to the annotation when the value is unknown). */
    void error(Element element, AnnotationMirror annotation, AnnotationValue value, String message) {
        if (value == null) {
            error(element, annotation, message);
        } else {
            failed = true;
            messager.printMessage(Diagnostic.Kind.ERROR, message, element, annotation, value);
        }
    }
}

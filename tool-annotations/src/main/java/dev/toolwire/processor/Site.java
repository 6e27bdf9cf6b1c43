package dev.toolwire.processor;

import io.micronaut.inject.ast.Element;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a type is being mapped: the element to report on, the subject that starts messages, and the
 * object types already being inlined (to detect recursion).
 *
 * @param element the narrowest element (parameter or property)
 * @param subject for example {@code parameter 'city' of WeatherTools.current(String)}
 * @param tool the tool method, for example {@code WeatherTools.current(String)}
 * @param stack the object types on the way from the parameter to here, outermost first
 */
record Site(Element element, String subject, String tool, List<String> stack) {

    Site withElement(Element newElement, String newSubject) {
        return new Site(newElement, newSubject, tool, stack);
    }

    Site enter(String typeName) {
        List<String> deeper = new ArrayList<>(stack);
        deeper.add(typeName);
        return new Site(element, subject, tool, List.copyOf(deeper));
    }
}

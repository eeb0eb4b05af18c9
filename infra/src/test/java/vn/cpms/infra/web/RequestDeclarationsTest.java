package vn.cpms.infra.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every request type of the API declares a rule for each member (issue 15): required (a Bean
 * Validation constraint) or {@link OptionalMember}; every string its maximum length and its kind (a
 * {@link Code} of a list, a pattern, a {@link Reference} to something stored, or {@link FreeText}),
 * also inside lists; every nested request its own rules ({@code @Valid}). A new member cannot be
 * added without its rule.
 */
class RequestDeclarationsTest {
  static Set<Class<?>> requestTypes() throws ClassNotFoundException {
    ClassPathScanningCandidateComponentProvider scanner =
        new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
    Set<Class<?>> types = new LinkedHashSet<>();
    for (var candidate : scanner.findCandidateComponents("vn.cpms.infra")) {
      Class<?> controller = Class.forName(candidate.getBeanClassName());
      for (Method method : controller.getDeclaredMethods()) {
        for (Parameter p : method.getParameters()) {
          if (p.isAnnotationPresent(RequestBody.class) && p.getType().isRecord()) {
            types.add(p.getType());
          }
        }
      }
    }
    return types;
  }

  static boolean declared(Annotation[] annotations) {
    for (Annotation a : annotations) {
      String pkg = a.annotationType().getPackageName();
      if (pkg.equals("jakarta.validation.constraints") || a instanceof OptionalMember) {
        return true;
      }
    }
    return false;
  }

  static void check(Class<?> type, String path, List<String> missing, Set<Class<?>> seen)
      throws NoSuchFieldException {
    if (!seen.add(type)) {
      return;
    }
    for (RecordComponent component : type.getRecordComponents()) {
      Field field = type.getDeclaredField(component.getName());
      String member = path + component.getName();
      if (!declared(field.getAnnotations())) {
        missing.add(member + ": neither a constraint nor @OptionalMember");
      }
      if (component.getType() == String.class && !bounded(field.getAnnotations())) {
        missing.add(member + ": a string without @Size(max)");
      }
      if (component.getType() == String.class && !kind(field.getAnnotations())) {
        missing.add(
            member + ": a string that is neither @Code, @Pattern, @Reference nor @FreeText");
      }
      if (component.getType().isRecord()) {
        if (!field.isAnnotationPresent(Valid.class)) {
          missing.add(member + ": a nested request without @Valid");
        }
        check(component.getType(), member + ".", missing, seen);
      }
      if (List.class.isAssignableFrom(component.getType())) {
        AnnotatedType element =
            ((AnnotatedParameterizedType) field.getAnnotatedType())
                .getAnnotatedActualTypeArguments()[0];
        Class<?> elementType =
            (Class<?>) ((ParameterizedType) field.getGenericType()).getActualTypeArguments()[0];
        if (elementType == String.class && !bounded(element.getAnnotations())) {
          missing.add(member + "[]: strings in a list without @Size(max)");
        }
        if (elementType == String.class && !kind(element.getAnnotations())) {
          missing.add(member + "[]: strings that are neither a code, a pattern nor a reference");
        }
        if (elementType.isRecord()) {
          if (!element.isAnnotationPresent(Valid.class)) {
            missing.add(member + "[]: nested requests without @Valid");
          }
          check(elementType, member + "[].", missing, seen);
        }
        if (!bounded(field.getAnnotations())) {
          missing.add(member + ": a list without @Size(max)");
        }
      }
    }
  }

  /** A code of a list, a pattern, a reference to something stored, or text a person writes. */
  static boolean kind(Annotation[] annotations) {
    for (Annotation a : annotations) {
      if (a instanceof Code
          || a instanceof jakarta.validation.constraints.Pattern
          || a instanceof Reference
          || a instanceof FreeText) {
        return true;
      }
    }
    return false;
  }

  static boolean bounded(Annotation[] annotations) {
    for (Annotation a : annotations) {
      if (a instanceof Size size && size.max() < Integer.MAX_VALUE) {
        return true;
      }
    }
    return false;
  }

  @Test
  void every_member_of_every_request_type_declares_its_rule() throws Exception {
    Set<Class<?>> types = requestTypes();
    assertThat(types.stream().map(Class::getSimpleName))
        .as("the request types found")
        .contains(
            "ReportCaseRequest", "ContactRequest", "Transfer", "FigureRequest", "UserRequest");
    List<String> missing = new ArrayList<>();
    Set<Class<?>> seen = new LinkedHashSet<>();
    for (Class<?> type : types) {
      check(type, type.getSimpleName() + ".", missing, seen);
    }
    assertThat(missing).isEmpty();
  }
}

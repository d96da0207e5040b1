package io.deltalake4j.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The API rule of ARCHITECTURE.md every module checks: no public signature shows what it hides. */
public final class ApiRules {
  private ApiRules() {}

  /**
   * Fails if a public method or constructor of a public class outside {@code internalPackage}
   * takes or returns a type {@code forbidden} accepts.
   */
  public static void checkPublicSignatures(JavaClasses classes, String internalPackage, Predicate<JavaClass> forbidden) {
    codeUnits().that().arePublic()
        .and().areDeclaredInClassesThat().arePublic()
        .and().areDeclaredInClassesThat().resideOutsideOfPackage(internalPackage + "..")
        .should(new ArchCondition<JavaCodeUnit>("show no internal, Kernel, Thrift or Hadoop-internal type in their signature") {
          @Override
          public void check(JavaCodeUnit unit, ConditionEvents events) {
            List<JavaClass> types = new ArrayList<>(unit.getRawParameterTypes());
            types.add(unit.getRawReturnType());
            for (JavaClass t : types) {
              if (forbidden.test(t)) {
                events.add(SimpleConditionEvent.violated(unit, unit.getFullName() + " exposes " + t.getName()));
              }
            }
          }
        })
        .check(classes);
  }

  /**
   * Kernel, Thrift (and its Hive stubs), Hadoop but its {@code Configuration} (the one Hadoop type
   * the API takes, by design), and the library's internal packages.
   */
  public static boolean isHidden(JavaClass t) {
    String p = t.getPackageName();
    return p.startsWith("io.delta.kernel")
        || p.startsWith("org.apache.thrift")
        || p.startsWith("io.trino")
        || p.contains(".internal")
        || (p.startsWith("org.apache.hadoop") && !t.getName().equals("org.apache.hadoop.conf.Configuration"));
  }
}

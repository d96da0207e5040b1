package io.deltalake4j;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The module rules of ARCHITECTURE.md, checked on core's compiled classes. */
class TestArchitecture {

  static final JavaClasses CORE =
      new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.deltalake4j");

  @Test
  void onlyTheKernelAdapterImportsDeltaKernel() {
    noClasses().that().resideOutsideOfPackage("io.deltalake4j.internal.kernel..")
        .should().dependOnClassesThat().resideInAPackage("io.delta.kernel..")
        .check(CORE);
  }

  @Test
  void publicApiSignaturesExposeNoKernelHadoopInternalOrThriftTypes() {
    codeUnits().that().arePublic()
        .and().areDeclaredInClassesThat().arePublic()
        .and().areDeclaredInClassesThat().resideOutsideOfPackage("io.deltalake4j.internal..")
        .should(useOnlyPublicTypes())
        .check(CORE);
  }

  @Test
  void coreUsesNoArrowThriftOrHive() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("org.apache.arrow..", "org.apache.thrift..", "org.apache.hadoop.hive..")
        .check(CORE);
  }

  private static ArchCondition<JavaCodeUnit> useOnlyPublicTypes() {
    return new ArchCondition<>("use no Kernel, Thrift or Hadoop-internal type in their signature") {
      @Override
      public void check(JavaCodeUnit unit, ConditionEvents events) {
        List<JavaClass> types = new ArrayList<>(unit.getRawParameterTypes());
        types.add(unit.getRawReturnType());
        for (JavaClass t : types) {
          if (isForbidden(t)) {
            events.add(SimpleConditionEvent.violated(unit, unit.getFullName() + " exposes " + t.getName()));
          }
        }
      }
    };
  }

  /** Hadoop's Configuration is the one Hadoop type the API takes, by design. */
  static boolean isForbidden(JavaClass t) {
    String p = t.getPackageName();
    return p.startsWith("io.delta.kernel")
        || p.startsWith("org.apache.thrift")
        || p.startsWith("io.deltalake4j.internal")
        || (p.startsWith("org.apache.hadoop") && !t.getName().equals("org.apache.hadoop.conf.Configuration"));
  }
}

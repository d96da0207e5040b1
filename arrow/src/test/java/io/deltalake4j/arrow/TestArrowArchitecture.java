package io.deltalake4j.arrow;

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

/** The module rules of ARCHITECTURE.md, checked on the arrow module's compiled classes. */
class TestArrowArchitecture {

  static final JavaClasses ARROW = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
      .importPackages("io.deltalake4j.arrow");

  @Test
  void onlyTheKernelAdapterImportsDeltaKernel() {
    noClasses().that().resideOutsideOfPackage("io.deltalake4j.arrow.internal.kernel..")
        .should().dependOnClassesThat().resideInAPackage("io.delta.kernel..")
        .check(ARROW);
  }

  @Test
  void arrowNeverUsesTheMetastoreModule() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("io.deltalake4j.hms..", "org.apache.thrift..", "org.apache.hadoop.hive..")
        .check(ARROW);
  }

  @Test
  void publicApiSignaturesExposeNoKernelHadoopOrInternalTypes() {
    codeUnits().that().arePublic()
        .and().areDeclaredInClassesThat().arePublic()
        .and().areDeclaredInClassesThat().resideOutsideOfPackage("io.deltalake4j.arrow.internal..")
        .should(new ArchCondition<JavaCodeUnit>("use no Kernel, Hadoop or internal type in their signature") {
          @Override
          public void check(JavaCodeUnit unit, ConditionEvents events) {
            List<JavaClass> types = new ArrayList<>(unit.getRawParameterTypes());
            types.add(unit.getRawReturnType());
            for (JavaClass t : types) {
              String p = t.getPackageName();
              if (p.startsWith("io.delta.kernel") || p.startsWith("org.apache.hadoop") || p.contains(".internal")) {
                events.add(SimpleConditionEvent.violated(unit, unit.getFullName() + " exposes " + t.getName()));
              }
            }
          }
        })
        .check(ARROW);
  }
}

package io.deltalake4j;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
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
  void publicApiExposesNoKernelHadoopInternalOrThriftTypes() {
    methods().that().arePublic().and().areDeclaredInClassesThat().resideOutsideOfPackage("io.deltalake4j.internal..")
        .should().haveRawReturnType(com.tngtech.archunit.base.DescribedPredicate.describe("a library or JDK type",
            (com.tngtech.archunit.core.domain.JavaClass c) -> !c.getPackageName().startsWith("io.delta.kernel")
                && !c.getPackageName().startsWith("org.apache.thrift")
                && !(c.getPackageName().startsWith("org.apache.hadoop") && !c.getName().equals("org.apache.hadoop.conf.Configuration"))))
        .check(CORE);
  }

  @Test
  void coreUsesNoArrowThriftOrHive() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("org.apache.arrow..", "org.apache.thrift..", "org.apache.hadoop.hive..")
        .check(CORE);
  }
}

package io.deltalake4j;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.deltalake4j.testing.ApiRules;
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
    ApiRules.checkPublicSignatures(CORE, "io.deltalake4j.internal", ApiRules::isHidden);
  }

  @Test
  void coreUsesNoArrowThriftOrHive() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("org.apache.arrow..", "org.apache.thrift..", "org.apache.hadoop.hive..")
        .check(CORE);
  }
}

package io.deltalake4j.arrow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.deltalake4j.testing.ApiRules;
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
    ApiRules.checkPublicSignatures(ARROW, "io.deltalake4j.arrow.internal", ApiRules::isHidden);
  }
}

package io.deltalake4j.hms;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.deltalake4j.testing.ApiRules;
import org.junit.jupiter.api.Test;

/** The module rules of ARCHITECTURE.md, checked on the hms module's compiled classes. */
class TestHmsArchitecture {

  static final JavaClasses HMS = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
      .importPackages("io.deltalake4j.hms");

  @Test
  void theMetastoreModuleNeverUsesKernelArrowOrHive() {
    noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("io.delta.kernel..", "io.deltalake4j.arrow..", "org.apache.arrow..", "org.apache.hadoop.hive..")
        .check(HMS);
  }

  @Test
  void onlyTheInternalPackageTouchesThrift() {
    noClasses().that().resideOutsideOfPackage("io.deltalake4j.hms.internal..")
        .should().dependOnClassesThat().resideInAnyPackage("org.apache.thrift..")
        .check(HMS);
  }

  @Test
  void publicApiSignaturesExposeNoThriftHadoopOrInternalTypes() {
    ApiRules.checkPublicSignatures(HMS, "io.deltalake4j.hms.internal", ApiRules::isHidden);
  }
}

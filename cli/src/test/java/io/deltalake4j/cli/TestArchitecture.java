package io.deltalake4j.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The cli is an application of core's public API: no core internals, no Kernel, no Hadoop. */
class TestArchitecture {

  /** The cli's main classes, imported from where Main was loaded (not by scanning every jar). */
  static final JavaClasses CLI = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importLocations(Set.of(Location.of(Main.class.getProtectionDomain().getCodeSource().getLocation())));

  @Test
  void usesOnlyThePublicApiOfCore() {
    noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("io.deltalake4j.internal..", "io.delta.kernel..", "org.apache.hadoop..")
        .because("the cli must work with what any user of core can call")
        .check(CLI);
  }

  @Test
  void importedTheCliItself() {
    assertThat(CLI.containPackage("io.deltalake4j.cli.internal")).isTrue();
    assertThat(CLI.contain(Main.class)).isTrue();
  }
}

package io.deltalake4j.examples.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name value} flags of an example's command line; anything else is refused with the usage. */
public final class Flags {
  private final Map<String, String> values = new LinkedHashMap<>();

  private Flags() {}

  /**
   * @param known the flag names the program takes, without {@code --}
   * @throws IllegalArgumentException for an unknown flag, a flag without its value, or a stray word
   */
  public static Flags parse(String[] args, String usage, Set<String> known) {
    Flags flags = new Flags();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String name = arg.startsWith("--") ? arg.substring(2) : null;
      if (name == null || !known.contains(name)) {
        throw new IllegalArgumentException("Unknown argument '" + arg + "'. Usage: " + usage);
      }
      if (i + 1 == args.length || args[i + 1].startsWith("--")) {
        throw new IllegalArgumentException("Flag --" + name + " needs a value. Usage: " + usage);
      }
      flags.values.put(name, args[++i]);
    }
    return flags;
  }

  public String get(String name, String orElse) {
    return values.getOrDefault(name, orElse);
  }

  /** The value, or null when the flag is not given. */
  public String get(String name) {
    return values.get(name);
  }

  public int getInt(String name, int orElse) {
    String text = values.get(name);
    if (text == null) {
      return orElse;
    }
    try {
      return Integer.parseInt(text.replace("_", "").replace(",", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Flag --" + name + " takes a whole number, not '" + text + "'");
    }
  }
}

package io.deltalake4j.testing.faults;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fault plan every storage wrapper of the fault layer consults before each call it makes on a
 * path in scope ({@link FaultyNio} for {@code java.nio} on local disk, {@link FaultyLocalFileSystem}
 * and {@link FaultyDistributedFileSystem} for Hadoop's FileSystem, {@code org.apache.hadoop.fs.FaultyHdfs}
 * for Hadoop's FileContext). Calls are numbered in the order they happen; a plan fails, tears or
 * kills at one chosen call. A recording plan fails nothing and keeps the list of calls, so a test
 * can first run an operation cleanly and then once per call with the fault there.
 *
 * <p>One plan at a time per JVM. A JVM started with {@code -Ddeltalake4j.fault=ACTION@N:SCOPE}
 * arms a plan at start (for writer processes killed at a chosen call).
 */
public final class Faults {
  private Faults() {}

  /** The kinds of storage call. */
  public enum Op { OPEN, CREATE, WRITE, SYNC, RENAME, LINK, LIST, STAT, DELETE, MKDIRS }

  /**
   * What happens at the chosen call: it fails before doing anything; it does half its work and
   * fails (a write keeps half its bytes, a stream opened for reading fails after its first read);
   * or the process stops dead, as if killed, with no cleanup.
   */
  public enum Action { FAIL, TEAR, KILL }

  /**
   * The failure a fault throws: an I/O error (EIO) on the path, as the OS reports one, naming the
   * call.
   */
  public static final class InjectedFault extends java.nio.file.FileSystemException {
    InjectedFault(Op op, String path, int call) {
      super(path, null, "Input/output error (injected fault at storage call " + call + ", " + op + ")");
    }
  }

  private static final class Plan {
    final String scope;
    final Action action;
    final int at;
    final boolean recording;
    final AtomicInteger calls = new AtomicInteger();
    final List<String> recorded = Collections.synchronizedList(new ArrayList<>());

    Plan(String scope, Action action, int at, boolean recording) {
      this.scope = scope;
      this.action = action;
      this.at = at;
      this.recording = recording;
    }
  }

  private static volatile Plan plan = fromSystemProperty();

  private static Plan fromSystemProperty() {
    String spec = System.getProperty("deltalake4j.fault");
    if (spec == null) {
      return null;
    }
    int at = spec.indexOf('@');
    int colon = spec.indexOf(':', at);
    return new Plan(spec.substring(colon + 1), Action.valueOf(spec.substring(0, at)),
        Integer.parseInt(spec.substring(at + 1, colon)), false);
  }

  /** The JVM argument that arms {@code action} at call {@code at} on paths under {@code scope} in a child JVM. */
  public static String jvmArgument(Action action, int at, String scope) {
    return "-Ddeltalake4j.fault=" + action + "@" + at + ":" + scope;
  }

  /** Counts the calls on paths under {@code scope}, failing none. */
  public static void record(String scope) {
    plan = new Plan(scope, Action.FAIL, -1, true);
  }

  /** Arms {@code action} at the {@code at}-th call (from 1) on paths under {@code scope}. */
  public static void arm(String scope, Action action, int at) {
    plan = new Plan(scope, action, at, false);
  }

  /** Ends the plan; returns the calls it saw, as "OP path". */
  public static List<String> disarm() {
    Plan p = plan;
    plan = null;
    return p == null ? List.of() : List.copyOf(p.recorded);
  }

  /** Whether the armed fault has fired. */
  public static boolean fired() {
    Plan p = plan;
    return p != null && p.calls.get() >= p.at;
  }

  /**
   * Called by the wrappers before each storage call: throws the fault, or returns whether this
   * call is to be torn (the caller does half and then calls {@link #tear}).
   */
  static boolean before(Op op, String path) throws IOException {
    Plan p = plan;
    if (p == null || path == null || !(path.equals(p.scope) || path.startsWith(p.scope + "/"))) {
      return false;
    }
    int call = p.calls.incrementAndGet();
    if (p.recording) {
      p.recorded.add(op + " " + path);
      return false;
    }
    if (call != p.at) {
      return false;
    }
    switch (p.action) {
      case KILL -> Runtime.getRuntime().halt(137);
      case FAIL -> throw new InjectedFault(op, path, call);
      case TEAR -> {
        return true;
      }
    }
    return false;
  }

  /** The failure of a torn call, after it did half its work. */
  static IOException tear(Op op, String path) {
    return new InjectedFault(op, path + " (torn)", plan == null ? -1 : plan.at);
  }
}

package vn.cpms.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time used by the processes (issue 21: measured, not inferred): this JVM (the application and
 * the benchmark's clients, on both sides alike) and PostgreSQL (the postmaster, its live backends,
 * and the backends that ended, which Linux adds to the postmaster's children's time), from {@code
 * /proc}.
 */
final class CpuMeter {
  /** CPU nanoseconds so far: this JVM's and PostgreSQL's. */
  record Reading(long javaNanos, long postgresNanos) {
    Reading minus(Reading earlier) {
      return new Reading(javaNanos - earlier.javaNanos, postgresNanos - earlier.postgresNanos);
    }

    Reading plus(Reading other) {
      return new Reading(javaNanos + other.javaNanos, postgresNanos + other.postgresNanos);
    }
  }

  private static final long TICK_NANOS = 1_000_000_000L / clockTicks();
  private final long postmaster;

  CpuMeter(Path dataDirectory) throws IOException {
    this.postmaster =
        Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
  }

  /** This JVM's CPU nanoseconds so far. */
  static long javaNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  Reading read() {
    long java = javaNanos();
    long ticks = 0;
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      for (Path process : (Iterable<Path>) processes::iterator) {
        String name = process.getFileName().toString();
        if (!name.chars().allMatch(Character::isDigit)) {
          continue;
        }
        String[] stat = stat(process);
        if (stat == null) {
          continue;
        }
        long pid = Long.parseLong(name);
        // fields after the command: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14)
        if (pid == postmaster) {
          ticks += sum(stat, 11, 12, 13, 14);
        } else if (Long.parseLong(stat[1]) == postmaster) {
          ticks += sum(stat, 11, 12);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return new Reading(java, ticks * TICK_NANOS);
  }

  /** The fields of {@code /proc/<pid>/stat} after the command name, or null if it ended. */
  private static String[] stat(Path process) {
    try {
      String line = Files.readString(process.resolve("stat"));
      return line.substring(line.lastIndexOf(')') + 2).split(" ");
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static long sum(String[] stat, int... fields) {
    long sum = 0;
    for (int field : fields) {
      sum += Long.parseLong(stat[field]);
    }
    return sum;
  }

  private static long clockTicks() {
    try {
      Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
      String out = new String(getconf.getInputStream().readAllBytes()).strip();
      getconf.waitFor();
      return Long.parseLong(out);
    } catch (IOException | RuntimeException e) {
      return 100;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 100;
    }
  }
}

package dev.quarry.exec;

/** Told about every statement a {@link dev.quarry.Database} runs: for logging, counting queries in tests, metrics. */
@FunctionalInterface
public interface QueryListener {
    void onQuery(ExecutedQuery query);
}

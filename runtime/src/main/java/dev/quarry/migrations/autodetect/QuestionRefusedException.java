package dev.quarry.migrations.autodetect;

import dev.quarry.migrations.MigrationException;

/**
 * makemigrations needs an answer it cannot ask for (no terminal, no answer given): the models changed, and the message
 * says which answer would let the migration be written. {@code --check} reports it as a change, not as an error.
 */
public final class QuestionRefusedException extends MigrationException {
    public QuestionRefusedException(String message) {
        super(message);
    }
}

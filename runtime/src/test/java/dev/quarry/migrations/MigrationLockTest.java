package dev.quarry.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The names of the migration lock: one per schema, within GET_LOCK's 64 characters. */
class MigrationLockTest {
    @Test
    void namedAfterTheSchema() {
        assertEquals("quarry_migrate", MigrationLock.name(null));
        assertEquals("quarry_migrate:public", MigrationLock.name("public"));
    }

    @Test
    void aLongSchemaNameIsHashedWithinSixtyFourCharacters() {
        String schema = "a".repeat(64);
        String name = MigrationLock.name(schema);
        assertEquals(64, name.length());
        assertTrue(name.startsWith("quarry_migrate:"), name);
        assertEquals(name, MigrationLock.name(schema), "the same name every time");
        assertNotEquals(name, MigrationLock.name("a".repeat(63) + "b"));
        assertEquals(64, MigrationLock.name("b".repeat(49)).length(), "64 characters exactly: kept as it is");
        assertEquals("quarry_migrate:" + "b".repeat(49), MigrationLock.name("b".repeat(49)));
    }
}

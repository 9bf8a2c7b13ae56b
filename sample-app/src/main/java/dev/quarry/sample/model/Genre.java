package dev.quarry.sample.model;

public enum Genre {
    FICTION, FANTASY, SCIENCE_FICTION, HISTORY, SCIENCE
}

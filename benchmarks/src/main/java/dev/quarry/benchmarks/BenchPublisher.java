package dev.quarry.benchmarks;

import dev.quarry.annotation.MaxLength;
import dev.quarry.annotation.Model;
import dev.quarry.annotation.PrimaryKey;
import java.util.Objects;

/** The end of the relation chain of {@link RelationBenchmark}: book -> author -> publisher. Five columns. */
@Model
public class BenchPublisher {
    @PrimaryKey public Long id;
    @MaxLength(100) public String name;
    @MaxLength(2) public String country;
    public int founded;
    public boolean active;

    /** The deterministic content of publisher {@code i} (0-based). */
    static BenchPublisher sample(int i) {
        BenchPublisher publisher = new BenchPublisher();
        publisher.name = "Publisher " + i;
        publisher.country = i % 2 == 0 ? "GB" : "US";
        publisher.founded = 1850 + i * 7;
        publisher.active = i % 4 != 0;
        return publisher;
    }

    /** Field-by-field equality, to check at setup that both sides read the same objects. */
    boolean sameAs(BenchPublisher other) {
        return Objects.equals(id, other.id) && name.equals(other.name) && country.equals(other.country)
                && founded == other.founded && active == other.active;
    }
}

package org.jiuquan.grassroots.drilldown;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** The levels below a district: its townships for a quarter, a township's organisations, where a township lies. */
@Service
public class DrillDownService {

    private final DrillDownRepository repository;

    DrillDownService(DrillDownRepository repository) {
        this.repository = repository;
    }

    /** The district's townships, in code order, with their indicators at the quarter's end. */
    public List<TownshipSummary> townships(String district, String period) {
        return repository.townships(district, period);
    }

    /** The township's organisations that the quarter counts, weak and rectifying first. */
    public List<TownshipMember> members(String township, String period) {
        return repository.members(township, period);
    }

    /** The township's extent (lon/lat: west, south, east, north), from its area as the map draws it. */
    public Optional<double[]> extent(String township) {
        return repository.extent(township);
    }

    /** Whether the district's townships are drawn, all or some, with approximate areas (no real boundaries). */
    public boolean approximate(String district) {
        return repository.approximate(district);
    }

    /** Townships whose name holds the text (none for a blank text). */
    public List<TownshipHit> search(@Nullable String text, int limit) {
        String plain = text == null ? "" : text.strip();
        // LIKE's own characters are searched for as themselves.
        String literal = plain.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return plain.isEmpty() ? List.of() : repository.search(literal, limit);
    }
}

package org.jiuquan.grassroots.organisations;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

@Service
public class OrganisationService {

    private final OrganisationRepository repository;

    OrganisationService(OrganisationRepository repository) {
        this.repository = repository;
    }

    /** A village or grid branch by its 12-digit code, or any organisation by its number. */
    public Optional<OrganisationDetails> organisation(String codeOrId) {
        if (codeOrId.matches("[0-9]{12}")) {
            return repository.byCode(codeOrId);
        }
        return codeOrId.matches("[0-9]{1,11}") ? repository.byId(Long.parseLong(codeOrId)) : Optional.empty();
    }

    public Optional<ContactPointDetails> contactPoint(String id) {
        return id.matches("[0-9]{1,18}") ? repository.contactPoint(Long.parseLong(id)) : Optional.empty();
    }

    /** At most {@code limit} hits for a name fragment; nothing for fewer than one character. */
    public List<SearchHit> search(@Nullable String text, int limit) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String plain = text.strip().replace("%", "").replace("_", "");
        return plain.isEmpty() ? List.of() : repository.search(plain, limit);
    }

    /** Villages and grid branches per district passing the filters (null: no filter). */
    public Map<String, Long> matchingPerDistrict(@Nullable String kind, @Nullable String status,
                                                 @Nullable String district) {
        return repository.matchingPerDistrict(kind, status, district);
    }

    /** How many features each point layer holds. */
    public Map<String, Long> layerCounts() {
        return repository.layerCounts();
    }
}

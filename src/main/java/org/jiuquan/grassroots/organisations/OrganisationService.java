package org.jiuquan.grassroots.organisations;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jiuquan.grassroots.audit.AuditAction;
import org.jiuquan.grassroots.audit.AuditDetail;
import org.jiuquan.grassroots.audit.AuditLog;
import org.jiuquan.grassroots.imports.EditorScopes;
import org.jiuquan.grassroots.security.CurrentUser;
import org.jiuquan.grassroots.security.Role;
import org.jiuquan.grassroots.vocabulary.OrganisationStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.stereotype.Service;

@Service
public class OrganisationService {

    private final OrganisationRepository repository;
    private final AuditLog audit;
    private final EditorScopes scopes;
    private final Clock clock;
    private final CurrentUser currentUser;

    OrganisationService(OrganisationRepository repository, AuditLog audit, EditorScopes scopes, Clock clock, CurrentUser currentUser) {
        this.currentUser = currentUser;
        this.clock = clock;
        this.repository = repository;
        this.audit = audit;
        this.scopes = scopes;
    }

    /**
     * Editors record an organisation's new status from a day on; its history gains a row. Checked here as
     * well as at the endpoint: whoever calls, only an editor or admin changes data. Nothing is written when
     * the change is refused, and the audit row is written in the same transaction as the change.
     *
     * @throws DataChangeException with a message key when the change is not allowed or not valid
     */
    @Transactional
    public OrganisationDetails changeStatus(String codeOrId, String status, LocalDate from) {
        if (!currentUser.has(Role.EDITOR)) {
            throw new DataChangeException("change.forbidden");
        }
        OrganisationDetails before = organisation(codeOrId)
                .orElseThrow(() -> new DataChangeException("change.unknown-organisation", codeOrId));
        if (!scopes.mayChange(before.districtCode())) {
            throw new DataChangeException("change.outside-scope", before.nameZh());
        }
        if (!OrganisationStatus.CODES.contains(status)) {
            throw new DataChangeException("change.bad-status", status, OrganisationStatus.listed());
        }
        if (from.isBefore(before.statusSince()) || from.isAfter(LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))))) {
            throw new DataChangeException("change.bad-date", from, before.statusSince());
        }
        // The map shows statuses at the end of the dataset's quarters: a change after the last one would be
        // recorded but seen nowhere, so it is refused rather than silently lost.
        LocalDate lastPeriodEnd = repository.lastPeriodEnd();
        if (from.isAfter(lastPeriodEnd)) {
            throw new DataChangeException("change.after-periods", from, lastPeriodEnd);
        }
        repository.changeStatus(before.id(), status, from);
        audit.record(currentUser.actor(), AuditAction.DATA_CHANGE, "organisation/" + (before.code() != null ? before.code() : before.id()),
                AuditDetail.of("audit.detail.status", AuditDetail.of("status." + before.status()),
                        AuditDetail.of("status." + status), String.valueOf(from)));
        return repository.byId(before.id(), null, currentUser.phoneVisibility()).orElseThrow();
    }

    /** A village or grid branch by its 12-digit code, or any organisation by its number, as it is now. */
    public Optional<OrganisationDetails> organisation(String codeOrId) {
        return organisation(codeOrId, null);
    }

    /**
     * An organisation with its status at the end of the period (null: now), as the map shows it for that
     * period.
     */
    public Optional<OrganisationDetails> organisation(String codeOrId, @Nullable String period) {
        if (codeOrId.matches("[0-9]{12}")) {
            return repository.byCode(codeOrId, period, currentUser.phoneVisibility());
        }
        return codeOrId.matches("[0-9]{1,11}")
                ? repository.byId(Long.parseLong(codeOrId), period, currentUser.phoneVisibility()) : Optional.empty();
    }

    /** The last day of the dataset's last period: the latest day a status change can be seen on. */
    public LocalDate lastPeriodEnd() {
        return repository.lastPeriodEnd();
    }

    /** A contact point, with its organisation's status at the end of the period (null: now). */
    public Optional<ContactPointDetails> contactPoint(String id, @Nullable String period) {
        return id.matches("[0-9]{1,18}")
                ? repository.contactPoint(Long.parseLong(id), period, currentUser.phoneVisibility()) : Optional.empty();
    }

    /** At most {@code limit} hits for a name fragment; nothing for fewer than one character. */
    public List<SearchHit> search(@Nullable String text, int limit) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String plain = text.strip().replace("%", "").replace("_", "");
        return plain.isEmpty() ? List.of() : repository.search(plain, limit);
    }

    /** Organisations per district passing the filters (null: no filter), statuses at the end of the period. */
    public Map<String, Long> matchingPerDistrict(@Nullable String kind, @Nullable String status,
                                                 @Nullable String district, String period) {
        return repository.matchingPerDistrict(kind, status, district, period);
    }

    /** How many features each point layer holds. */
    public Map<String, Long> layerCounts() {
        return repository.layerCounts();
    }
}

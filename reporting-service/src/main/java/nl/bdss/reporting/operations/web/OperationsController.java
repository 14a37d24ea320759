package nl.bdss.reporting.operations.web;

import java.util.List;
import nl.bdss.reporting.operations.application.MessagingStatus;
import nl.bdss.reporting.operations.application.ReadModelRebuild;
import nl.bdss.reporting.operations.application.RebuildState;
import nl.bdss.reporting.operations.domain.RebuildTarget;
import nl.bdss.reporting.operations.domain.TopicStatus;
import nl.bdss.security.audit.AuditObject;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operator-only endpoints: the state of the consumed topics, and a rebuild of the read models from offset 0. */
@RestController
class OperationsController {

    private final MessagingStatus status;
    private final ReadModelRebuild rebuild;
    private final RebuildState rebuildState;

    record RebuildStatus(boolean inProgress, List<RebuildTarget> targets) {
    }

    OperationsController(MessagingStatus status, ReadModelRebuild rebuild, RebuildState rebuildState) {
        this.status = status;
        this.rebuild = rebuild;
        this.rebuildState = rebuildState;
    }

    /** Whether a rebuild is still catching up with the end offsets recorded when it started. */
    @GetMapping("/api/v1/operations/rebuild")
    RebuildStatus rebuildStatus() {
        List<RebuildTarget> targets = rebuildState.targets();
        return new RebuildStatus(!targets.isEmpty(), targets);
    }

    @GetMapping("/api/v1/operations/topics")
    List<TopicStatus> topics() {
        return status.topics();
    }

    @PostMapping("/api/v1/operations/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void rebuild() {
        AuditObject.describe("read-models", "rebuild");
        rebuild.rebuild();
    }
}

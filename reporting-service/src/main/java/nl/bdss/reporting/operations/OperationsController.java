package nl.bdss.reporting.operations;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operator endpoints: the state of the consumed topics, and a rebuild of the read models from offset 0. */
@RestController
class OperationsController {

    private final MessagingStatus status;
    private final ReadModelRebuild rebuild;

    OperationsController(MessagingStatus status, ReadModelRebuild rebuild) {
        this.status = status;
        this.rebuild = rebuild;
    }

    @GetMapping("/api/v1/operations/topics")
    List<MessagingStatus.TopicStatus> topics() throws Exception {
        return status.topics();
    }

    @PostMapping("/api/v1/operations/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void rebuild() throws Exception {
        rebuild.rebuild();
    }
}

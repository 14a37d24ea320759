package nl.bdss.allocation.split.web;

import java.time.LocalDate;
import java.util.List;
import nl.bdss.allocation.split.application.AllocationPreviews;
import nl.bdss.allocation.split.application.AllocationPreviews.Preview;
import nl.bdss.allocation.split.domain.AllocatedPeriod;
import nl.bdss.allocation.split.domain.AllocationDisclosure;
import nl.bdss.allocation.split.domain.AllocationDisclosure.ShownPreview;
import nl.bdss.allocation.split.domain.AllocationLine;
import nl.bdss.allocation.split.domain.AllocationStatus;
import nl.bdss.allocation.split.domain.AllocationWarning;
import nl.bdss.allocation.split.domain.Correction;
import nl.bdss.allocation.split.domain.LegalDomain;
import nl.bdss.allocation.split.domain.Viewer;
import nl.bdss.security.audit.AuditObject;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a contract version would allocate if it took effect (issue 14, "Know what you accept"), for the contract
 * service's previews of drafts and proposals, which relay the caller's token. The body is the ContractVersionPublished
 * record the contract would publish, in Avro's JSON encoding ({@value #CONTRACT_VERSION_JSON}, also accepted as
 * {@code application/json}), with {@code contractId} set (a fresh UUID for a draft). Nothing is stored or
 * published. An operator sees every line; an insurer the lines it would pay and a provider the lines it would be
 * paid (a main contractor, R10: every Zvw line of its periods); market shares in basis points (small cells
 * suppressed), also per contract year ({@code yearShares}); the R15 warnings (an insurer without insureds in the
 * service area on a year's reference date), so the parties see them before they accept; for a contract with an
 * allocation the corrections of those lines (its settled periods keep the shares they were allocated with). A caller the version does not
 * name, for a contract it is no party to, gets 404 as for an unknown contract; a document that cannot be read or
 * allocated gets 400 {@code invalid-contract-version} naming every wrong field.
 */
@RestController
class AllocationPreviewController {

    static final String CONTRACT_VERSION_JSON = "application/vnd.bdss.contract-version+json";

    private final AllocationPreviews previews;
    private final AllocationDisclosure disclosure;

    AllocationPreviewController(AllocationPreviews previews, AllocationDisclosure disclosure) {
        this.previews = previews;
        this.disclosure = disclosure;
    }

    @PostMapping(path = "/api/v1/allocations/preview", consumes = {CONTRACT_VERSION_JSON, MediaType.APPLICATION_JSON_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    PreviewView preview(@RequestBody byte[] document) {
        Viewer viewer = CurrentViewer.get();
        Preview preview;
        try {
            preview = previews.preview(document, viewer);
        } catch (AllocationPreviews.NotPreviewable refused) {
            throw AllocationController.notFound(refused.contractId());
        }
        AuditObject.describe("allocation-preview", preview.terms().contractId());
        return PreviewView.of(preview, disclosure.preview(preview.proposed(), preview.current(), viewer));
    }

    /**
     * {@code corrections} only when the contract has an allocation (proposed minus current per payable line, only
     * non-zero); {@code pendingReason} only when PENDING.
     */
    record PreviewView(String contractId, int version, AllocationStatus status, String pendingReason,
            List<PeriodView> periods, List<ShareView> marketShares, List<YearView> yearShares,
            List<AllocationWarning> warnings, List<Correction> corrections) {
        static PreviewView of(Preview preview, ShownPreview shown) {
            return new PreviewView(preview.terms().contractId(), preview.terms().version(), shown.status(),
                    shown.pendingReason(), shown.periods().stream().map(PeriodView::of).toList(),
                    shown.marketShares().stream().map(ShareView::of).toList(),
                    shown.yearShares().stream().map(YearView::of).toList(), shown.warnings(), shown.corrections());
        }
    }

    record PeriodView(LocalDate start, LocalDate end, List<LineView> lines) {
        static PeriodView of(AllocatedPeriod period) {
            return new PeriodView(period.start(), period.end(), period.lines().stream().map(LineView::of).toList());
        }
    }

    /** A line of a period: for other domains than ZVW only the domain and amount (R7: recorded, not paid). */
    record LineView(LegalDomain domain, String sector, String uzovi, String payeeAgb, long amountCents) {
        static LineView of(AllocationLine line) {
            return new LineView(line.domain(), line.sector(), line.uzovi(), line.payeeAgb(), line.amountCents());
        }
    }
}

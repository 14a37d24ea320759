package nl.bdss.reporting;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the reporting service.
 *
 * @param alertThresholdBasisPoints the share of a sector's macro budget at which the MBI watch raises an alert
 *                                  (R21); default 100 basis points = 1%
 */
@ConfigurationProperties("bdss.reporting")
public record ReportingProperties(Integer alertThresholdBasisPoints) {

    public ReportingProperties {
        alertThresholdBasisPoints = alertThresholdBasisPoints == null ? 100 : alertThresholdBasisPoints;
    }
}

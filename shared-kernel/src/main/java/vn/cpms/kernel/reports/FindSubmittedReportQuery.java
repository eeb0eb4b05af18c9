package vn.cpms.kernel.reports;

import vn.cpms.kernel.area.AreaCode;

/**
 * One submitted report with its file: {@code version}, or the latest when {@code null}; answers an
 * optional {@link ReportSubmission}.
 */
public record FindSubmittedReportQuery(
    String planId, String period, AreaCode areaCode, Integer version) {}

package vn.cpms.infra.ui;

import java.io.IOException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import vn.cpms.infra.statistics.ReportFilings;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.reports.ReportSubmission;

/**
 * Filing a report from the reports page: submit it (the file as the statistician sees it is kept as
 * submitted), see which of the area's communes have submitted, and download a submitted version
 * again, byte for byte.
 */
@Controller
@RequestMapping("/statistics/reports")
public class ReportFilingUiController {
  private final ReportFilings filings;
  private final UiSubmit submit;

  public ReportFilingUiController(ReportFilings filings, UiSubmit submit) {
    this.filings = filings;
    this.submit = submit;
  }

  @PostMapping("/submit")
  String submit(@RequestParam MultiValueMap<String, String> values, RedirectAttributes next) {
    UiForm form = UiForm.of("filing", values);
    ReportSubmission done =
        submit.run(
            form,
            () -> {
              try {
                return filings.submit(
                    form.v("plan"),
                    form.v("period"),
                    form.text("area"),
                    form.text("window"),
                    form.text("format") == null ? "xlsx" : form.text("format"),
                    null);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    if (done == null) {
      next.addFlashAttribute("filingProblem", form.getProblem());
      next.addFlashAttribute("filingErrors", form.getErrors());
    } else {
      next.addFlashAttribute("submittedVersion", done.version());
    }
    return "redirect:"
        + UriComponentsBuilder.fromPath("/statistics/reports/filed")
            .queryParam("plan", form.v("plan"))
            .queryParam("period", form.v("period"))
            .queryParam("area", form.v("area"))
            .encode()
            .build()
            .toUriString();
  }

  @GetMapping("/filed")
  String filed(
      @RequestParam String plan,
      @RequestParam String period,
      @RequestParam String area,
      Model model) {
    List<?> rows = filings.submissions(plan, period, AreaCode.of(area));
    model.addAttribute("plan", plan);
    model.addAttribute("period", period);
    model.addAttribute("area", area);
    model.addAttribute("rows", rows);
    return "reports-filed";
  }

  @GetMapping("/submitted")
  ResponseEntity<byte[]> submitted(
      @RequestParam String plan,
      @RequestParam String period,
      @RequestParam String area,
      @RequestParam(required = false) Integer version) {
    ReportSubmission s = filings.file(plan, period, AreaCode.of(area), version);
    return vn.cpms.infra.web.Downloads.attachment(
        s.content(), MediaType.parseMediaType(s.mediaType()), s.fileName());
  }
}

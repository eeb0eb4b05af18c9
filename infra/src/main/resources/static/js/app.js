// CPMS web UI: no inline scripts (the Content-Security-Policy allows only this origin's files).
(function () {
  "use strict";

  // htmx requests carry the CSRF token in a header, read from the page's meta tags.
  document.addEventListener("htmx:configRequest", function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      event.detail.headers[header.content] = token.content;
    }
  });

  // A form answered with the API's messages (422) is shown like any other answer.
  document.addEventListener("DOMContentLoaded", function () {
    if (window.htmx) {
      window.htmx.config.responseHandling = [
        { code: "204", swap: false },
        { code: "[23]..", swap: true },
        { code: "422", swap: true },
        { code: "[45]..", swap: false, error: true }
      ];
    }
    drawCharts(document);
    focusFirstError(document);
  });

  // Ctrl+Enter (or Cmd+Enter) in a text area saves its form, as Enter does in any other field:
  // the hotline's summary is the intake form's last field (issue 19).
  document.addEventListener("keydown", function (event) {
    var field = event.target;
    if (
      event.key === "Enter" &&
      (event.ctrlKey || event.metaKey) &&
      field.tagName === "TEXTAREA" &&
      field.form
    ) {
      event.preventDefault();
      if (field.form.requestSubmit) {
        field.form.requestSubmit();
      } else {
        field.form.submit();
      }
    }
  });

  document.addEventListener("htmx:afterSettle", function (event) {
    drawCharts(event.detail.elt || document);
  });

  // After a refusal the page opens on it: the form's message or its first refused field is
  // scrolled into view and focused, so that on a phone, where the form may be a screen below,
  // the worker sees at once what to correct (issue 19).
  function focusFirstError(root) {
    var first = root.querySelector(
      '.alert.error, [aria-invalid="true"], .field.invalid, fieldset.invalid'
    );
    if (!first) {
      return;
    }
    var target = first;
    if (!first.matches("input, select, textarea, .alert")) {
      target = first.querySelector("input, select, textarea") || first;
    }
    if (target.matches(".alert") || !target.matches("input, select, textarea")) {
      target.setAttribute("tabindex", "-1");
    }
    first.scrollIntoView({ block: "center" });
    target.focus({ preventScroll: true });
  }

  // Charts: the data come as JSON in data-chart (escaped by the template), drawn by Chart.js.
  function drawCharts(root) {
    if (!window.Chart) {
      return;
    }
    var scope = root.querySelectorAll ? root : document;
    var canvases = scope.querySelectorAll("canvas[data-chart]");
    Array.prototype.forEach.call(canvases, function (canvas) {
      if (canvas.dataset.drawn) {
        return;
      }
      var spec;
      try {
        spec = JSON.parse(canvas.dataset.chart);
      } catch (e) {
        return;
      }
      var colours = ["#1f6feb", "#d97706", "#059669", "#b91c1c"];
      spec.datasets.forEach(function (d, i) {
        d.backgroundColor = colours[i % colours.length];
      });
      new window.Chart(canvas, {
        type: spec.type || "bar",
        data: { labels: spec.labels, datasets: spec.datasets },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          plugins: { legend: { position: "bottom" } },
          scales: {
            y: {
              beginAtZero: true,
              ticks: spec.integer ? { precision: 0 } : {},
              title: spec.unit ? { display: true, text: spec.unit } : { display: false }
            }
          }
        }
      });
      canvas.dataset.drawn = "true";
    });
  }
})();

/// The HTML report's script: draws the findings table from the embedded data a page at a time, filters it by
/// pack, severity, context, rule and path, sorts it by any column, expands a row into its snippet and rule help,
/// and keeps the view in the address's fragment (`#pack=dev-keys&severity=high`) so that it can be linked. It
/// builds every element with `textContent`, never from markup, so no text of the report can become markup.
enum HTMLPageScript {
    static let javascript = #"""

    (function () {
      "use strict";
      var data = JSON.parse(document.getElementById("report-data").textContent);
      var severities = ["critical", "high", "medium", "low", "info"];
      var pageSize = 100;
      var filterKeys = ["pack", "severity", "context", "rule", "path"];
      var state = { pack: "", severity: "", context: "", rule: "", path: "", sort: "severity", dir: 1, page: 0 };
      var expanded = new Set();
      var current = [];
      var tbody = document.querySelector("#findings-table tbody");

      function rank(severity) {
        var index = severities.indexOf(severity);
        return index < 0 ? severities.length : index;
      }

      function element(tag, className, text) {
        var node = document.createElement(tag);
        if (className) { node.className = className; }
        if (text !== undefined) { node.textContent = text; }
        return node;
      }

      function fillSelect(id, key, order) {
        var counts = new Map();
        data.findings.forEach(function (finding) { counts.set(finding[key], (counts.get(finding[key]) || 0) + 1); });
        var values = Array.from(counts.keys()).sort(order || function (a, b) { return a < b ? -1 : a > b ? 1 : 0; });
        var select = document.getElementById(id);
        values.forEach(function (value) {
          var option = element("option", "", value + " (" + counts.get(value) + ")");
          option.value = value;
          select.appendChild(option);
        });
      }

      function matches(finding) {
        if (state.pack && finding.pack !== state.pack) { return false; }
        if (state.severity && finding.severity !== state.severity) { return false; }
        if (state.context && finding.context !== state.context) { return false; }
        if (state.rule && finding.ruleId !== state.rule) { return false; }
        if (state.path && finding.path.toLowerCase().indexOf(state.path.toLowerCase()) < 0) { return false; }
        return true;
      }

      function compareValues(a, b) { return a < b ? -1 : a > b ? 1 : 0; }

      function compare(a, b) {
        var order;
        if (state.sort === "severity") {
          order = rank(a.severity) - rank(b.severity);
        } else if (state.sort === "path") {
          order = compareValues(a.path, b.path) || a.line - b.line;
        } else {
          order = compareValues(a[state.sort], b[state.sort]);
        }
        if (order === 0) {
          // Production code first: what ships is what the meeting triages.
          order = rank(a.severity) - rank(b.severity) || (a.context === "production" ? 0 : 1) - (b.context === "production" ? 0 : 1) ||
            compareValues(a.pack, b.pack) || compareValues(a.path, b.path) ||
            a.line - b.line || compareValues(a.ruleId, b.ruleId) || a.column - b.column;
          return order;
        }
        return order * state.dir;
      }

      function helpNodes(text) {
        var nodes = [];
        var parts = text.split(/```[A-Za-z0-9_+-]*\n?/);
        parts.forEach(function (part, index) {
          if (index % 2 === 1) {
            nodes.push(element("pre", "", part.replace(/\n$/, "")));
            return;
          }
          part.split(/\n\s*\n/).forEach(function (paragraph) {
            if (!paragraph.trim()) { return; }
            var p = element("p");
            paragraph.split("`").forEach(function (piece, pieceIndex) {
              p.appendChild(pieceIndex % 2 === 1 ? element("code", "", piece) : document.createTextNode(piece));
            });
            nodes.push(p);
          });
        });
        return nodes;
      }

      function detailRow(finding) {
        var row = element("tr", "detail");
        var cell = element("td");
        cell.colSpan = 6;
        var rule = data.rules[finding.ruleId];
        cell.appendChild(element("h3", "", rule ? rule.title : finding.ruleId));
        cell.appendChild(element("p", "", finding.message));
        if (finding.snippet) { cell.appendChild(element("pre", "snippet", finding.snippet)); }
        cell.appendChild(element("p", "small", finding.path + ":" + finding.line + ":" + finding.column + " · rule " + finding.ruleId +
          " · confidence " + finding.confidence + " · fingerprint " + finding.fingerprint));
        if (rule) {
          var about = element("details");
          about.appendChild(element("summary", "", "What the rule finds"));
          about.appendChild(element("p", "", rule.description));
          cell.appendChild(about);
          var help = element("div", "help");
          help.appendChild(element("h3", "", "How to fix"));
          helpNodes(rule.help).forEach(function (node) { help.appendChild(node); });
          cell.appendChild(help);
          if (rule.url) {
            var link = element("a", "", "Rule reference");
            link.href = rule.url;
            link.rel = "noopener noreferrer";
            cell.appendChild(link);
          }
        }
        row.appendChild(cell);
        return row;
      }

      function findingRow(finding) {
        var row = element("tr", "finding");
        row.tabIndex = 0;
        row.dataset.fingerprint = finding.fingerprint;
        var open = expanded.has(finding.fingerprint);
        row.setAttribute("aria-expanded", open ? "true" : "false");
        var severity = element("td");
        severity.appendChild(element("span", "badge sev-" + finding.severity, finding.severity));
        row.appendChild(severity);
        row.appendChild(element("td", "", finding.pack));
        row.appendChild(element("td", "", finding.ruleId));
        var location = element("td", "location");
        location.appendChild(element("code", "", finding.path + ":" + finding.line));
        row.appendChild(location);
        row.appendChild(element("td", "", finding.context));
        row.appendChild(element("td", "", finding.message));
        return row;
      }

      function toggle(row) {
        var fingerprint = row.dataset.fingerprint;
        var finding = current.find(function (item) { return item.fingerprint === fingerprint; });
        if (!finding) { return; }
        if (expanded.has(fingerprint)) {
          expanded.delete(fingerprint);
          if (row.nextSibling && row.nextSibling.classList.contains("detail")) { row.nextSibling.remove(); }
          row.setAttribute("aria-expanded", "false");
        } else {
          expanded.add(fingerprint);
          row.after(detailRow(finding));
          row.setAttribute("aria-expanded", "true");
        }
      }

      // The fragment when it describes a view; a plain anchor such as #diagnostics does not.
      function viewFragment() {
        var fragment = location.hash.slice(1);
        return fragment.indexOf("=") >= 0 ? fragment : "";
      }

      function writeFragment() {
        var params = new URLSearchParams();
        filterKeys.forEach(function (key) { if (state[key]) { params.set(key, state[key]); } });
        if (state.sort !== "severity" || state.dir !== 1) { params.set("sort", (state.dir < 0 ? "-" : "") + state.sort); }
        if (state.page > 0) { params.set("page", String(state.page + 1)); }
        var fragment = params.toString();
        if (fragment !== viewFragment()) {
          history.replaceState(null, "", fragment ? "#" + fragment : location.pathname + location.search);
        }
      }

      function readFragment() {
        var params = new URLSearchParams(viewFragment());
        filterKeys.forEach(function (key) { state[key] = params.get(key) || ""; });
        var sort = params.get("sort") || "severity";
        state.dir = sort.charAt(0) === "-" ? -1 : 1;
        state.sort = sort.replace(/^-/, "");
        if (!document.querySelector('th[data-sort="' + state.sort + '"]')) { state.sort = "severity"; state.dir = 1; }
        state.page = Math.max(0, (parseInt(params.get("page") || "1", 10) || 1) - 1);
        filterKeys.forEach(function (key) {
          var control = document.getElementById("filter-" + key);
          if (control.tagName === "SELECT" && state[key] && !Array.from(control.options).some(function (o) { return o.value === state[key]; })) {
            state[key] = "";
          }
          control.value = state[key];
        });
      }

      function render() {
        current = data.findings.filter(matches).sort(compare);
        var pages = Math.max(1, Math.ceil(current.length / pageSize));
        state.page = Math.min(state.page, pages - 1);
        var start = state.page * pageSize;
        var shown = current.slice(start, start + pageSize);
        var fragment = document.createDocumentFragment();
        shown.forEach(function (finding) {
          fragment.appendChild(findingRow(finding));
          if (expanded.has(finding.fingerprint)) { fragment.appendChild(detailRow(finding)); }
        });
        tbody.replaceChildren(fragment);
        var count = document.getElementById("findings-count");
        count.dataset.matching = String(current.length);
        var text = current.length === 0 ? "No findings match." :
          "Showing " + (start + 1) + "–" + (start + shown.length) + " of " + current.length + " finding" + (current.length === 1 ? "" : "s");
        if (current.length !== data.findings.length) { text += " (filtered from " + data.findings.length + ")"; }
        count.textContent = text + ".";
        document.getElementById("page-label").textContent = "page " + (state.page + 1) + " of " + pages;
        document.getElementById("page-previous").disabled = state.page === 0;
        document.getElementById("page-next").disabled = state.page >= pages - 1;
        document.querySelectorAll("#findings-table th[data-sort]").forEach(function (th) {
          if (th.dataset.sort === state.sort) {
            th.setAttribute("aria-sort", state.dir > 0 ? "ascending" : "descending");
          } else {
            th.removeAttribute("aria-sort");
          }
        });
        writeFragment();
      }

      fillSelect("filter-pack", "pack");
      fillSelect("filter-severity", "severity", function (a, b) { return rank(a) - rank(b); });
      fillSelect("filter-context", "context");
      fillSelect("filter-rule", "ruleId");
      readFragment();

      filterKeys.forEach(function (key) {
        var control = document.getElementById("filter-" + key);
        control.addEventListener(control.tagName === "SELECT" ? "change" : "input", function () {
          state[key] = control.value;
          state.page = 0;
          render();
        });
      });
      document.getElementById("filters").addEventListener("reset", function () {
        filterKeys.forEach(function (key) { state[key] = ""; });
        state.page = 0;
        setTimeout(render, 0);
      });
      document.getElementById("filters").addEventListener("submit", function (event) { event.preventDefault(); });
      document.querySelectorAll("#findings-table th[data-sort] button").forEach(function (button) {
        button.addEventListener("click", function () {
          var key = button.parentElement.dataset.sort;
          state.dir = state.sort === key ? -state.dir : 1;
          state.sort = key;
          state.page = 0;
          render();
        });
      });
      document.getElementById("page-previous").addEventListener("click", function () { state.page -= 1; render(); });
      document.getElementById("page-next").addEventListener("click", function () { state.page += 1; render(); });
      tbody.addEventListener("click", function (event) {
        if (window.getSelection().toString()) { return; }
        var row = event.target.closest("tr.finding");
        if (row) { toggle(row); }
      });
      tbody.addEventListener("keydown", function (event) {
        var row = event.target.closest("tr.finding");
        if (row && (event.key === "Enter" || event.key === " ")) { event.preventDefault(); toggle(row); }
      });
      window.addEventListener("hashchange", function () {
        if (!viewFragment()) { return; }
        readFragment();
        render();
        document.getElementById("findings").scrollIntoView();
      });
      render();
    })();

    """#
}

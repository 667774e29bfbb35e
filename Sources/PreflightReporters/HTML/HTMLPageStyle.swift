/// The HTML report's style sheet: light and dark themes from the reader's setting, one column on narrow screens,
/// and print without the controls.
enum HTMLPageStyle {
    static let css = """

    :root {
      color-scheme: light dark;
      --bg: #f6f7f9; --card: #ffffff; --text: #1f2328; --muted: #5b636d; --line: #d8dee4; --track: #e8ebef;
      --accent: #0b5cad; --critical: #b3261e; --high: #d4570f; --medium: #b58a00; --low: #2f6fcf; --info: #7a828c;
      --band-a: #1f8a4c; --band-b: #6aa121; --band-c: #d39b00; --band-f: #c8341f; --old: #9aa4af; --new: #0b5cad;
    }
    @media (prefers-color-scheme: dark) {
      :root {
        --bg: #0f1217; --card: #181c23; --text: #e6e9ee; --muted: #9aa4af; --line: #2c333d; --track: #262c35;
        --accent: #6cb0ff; --critical: #ff6b5e; --high: #ff9a4d; --medium: #e8c147; --low: #6ea8ff; --info: #9aa4af;
        --band-a: #3fbf73; --band-b: #97c94a; --band-c: #e8b93a; --band-f: #ff6b5e; --old: #5d6773; --new: #6cb0ff;
      }
    }
    * { box-sizing: border-box; }
    body { margin: 0; background: var(--bg); color: var(--text); font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
    header, main, footer { max-width: 1200px; margin: 0 auto; padding: 0 16px; }
    header { padding-top: 20px; }
    h1 { font-size: 22px; margin: 0 0 4px; overflow-wrap: anywhere; }
    h2 { font-size: 16px; margin: 0 0 10px; }
    code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 12.5px; }
    code { overflow-wrap: anywhere; }
    a { color: var(--accent); }
    .facts { color: var(--muted); margin: 4px 0 12px; }
    .note, .small { color: var(--muted); font-size: 12.5px; }
    .warning { background: color-mix(in srgb, var(--critical) 14%, transparent); border-left: 4px solid var(--critical); padding: 8px 12px; border-radius: 4px; }
    .grid { display: grid; grid-template-columns: minmax(240px, 1fr) 2fr; gap: 16px; margin-bottom: 16px; }
    .card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 16px; margin-bottom: 16px; min-width: 0; }
    .grid > .card { margin-bottom: 0; }
    .grid.charts { grid-template-columns: 2fr minmax(240px, 1fr); }
    .score-card { text-align: center; }
    .gauge { width: 100%; max-width: 260px; }
    .gauge-track { fill: none; stroke: var(--track); stroke-width: 18; }
    svg.gauge .gauge-value { fill: none; stroke-width: 18; }
    .gauge-value.band-a { stroke: var(--band-a); } .gauge-value.band-b { stroke: var(--band-b); }
    .gauge-value.band-c { stroke: var(--band-c); } .gauge-value.band-f { stroke: var(--band-f); }
    .gauge-threshold { stroke: var(--text); stroke-width: 2; }
    .gauge-score { font-size: 40px; font-weight: 700; fill: var(--text); }
    svg text { font-family: inherit; }
    .gauge-caption { font-size: 10px; fill: var(--muted); }
    .verdict { margin: 6px 0; font-size: 16px; }
    .grade { display: inline-block; min-width: 2em; padding: 2px 8px; border-radius: 6px; color: #fff; font-weight: 700; }
    .grade.band-a { background: var(--band-a); } .grade.band-b { background: var(--band-b); }
    .grade.band-c { background: var(--band-c); } .grade.band-f { background: var(--band-f); }
    .badge { display: inline-block; padding: 1px 7px; border-radius: 10px; font-size: 12px; font-weight: 600; color: #fff; background: var(--info); white-space: nowrap; }
    .badge.go { background: var(--band-a); } .badge.no-go { background: var(--band-f); }
    .badge.sev-critical { background: var(--critical); } .badge.sev-high { background: var(--high); }
    .badge.sev-medium { background: var(--medium); } .badge.sev-low { background: var(--low); } .badge.sev-info { background: var(--info); }
    .badge.level-error { background: var(--critical); } .badge.level-warning { background: var(--medium); }
    .chart { display: grid; grid-template-columns: minmax(4em, max-content) minmax(60px, 1fr) max-content; gap: 6px 8px; align-items: center; }
    .bar-row { display: contents; }
    .bar-label { text-align: right; overflow-wrap: anywhere; }
    .bar-value { color: var(--muted); white-space: nowrap; font-size: 12.5px; }
    svg.bar { width: 100%; height: 16px; display: block; }
    svg.bar.double { height: 22px; }
    .legend { grid-column: 1 / -1; display: flex; flex-wrap: wrap; gap: 4px 14px; color: var(--muted); font-size: 12.5px; }
    .legend span { display: inline-flex; align-items: center; gap: 5px; }
    svg.swatch { width: 11px; height: 11px; }
    svg .track { fill: var(--track); }
    svg .band-a { fill: var(--band-a); } svg .band-b { fill: var(--band-b); } svg .band-c { fill: var(--band-c); } svg .band-f { fill: var(--band-f); }
    svg .sev-critical { fill: var(--critical); } svg .sev-high { fill: var(--high); } svg .sev-medium { fill: var(--medium); }
    svg .sev-low { fill: var(--low); } svg .sev-info { fill: var(--info); }
    svg .series-old { fill: var(--old); } svg .series-new { fill: var(--new); }
    svg.coverage { width: 90px; height: 10px; vertical-align: middle; }
    .coverage-totals { display: flex; flex-wrap: wrap; gap: 8px 24px; margin-bottom: 12px; }
    .coverage-totals div { display: flex; gap: 8px; align-items: center; }
    .coverage-totals svg.coverage { width: 160px; height: 12px; }
    .missing { color: var(--critical); }
    details summary { cursor: pointer; color: var(--accent); margin: 8px 0; }
    ul.plain { list-style: none; padding: 0; margin: 0; } ul.plain li { padding: 3px 0; }
    ol li { margin: 4px 0; }
    .scroll { overflow-x: auto; }
    table { border-collapse: collapse; width: 100%; }
    th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
    th { font-size: 12px; color: var(--muted); font-weight: 600; white-space: nowrap; }
    td.number, th.number { text-align: right; }
    table.compact td, table.compact th { padding: 4px 8px; }
    .filters { display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: end; margin-bottom: 8px; }
    .filters label { display: flex; flex-direction: column; font-size: 12px; color: var(--muted); gap: 2px; }
    .filters label.grow { flex: 1 1 200px; }
    select, input, button { font: inherit; color: var(--text); background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: 4px 8px; }
    button { cursor: pointer; } button:disabled { opacity: 0.45; cursor: default; }
    table.findings th button { border: 0; background: none; padding: 0; font-weight: 600; color: inherit; font-size: 12px; }
    table.findings th[aria-sort="ascending"] button::after { content: " ▲"; }
    table.findings th[aria-sort="descending"] button::after { content: " ▼"; }
    tr.finding { cursor: pointer; }
    tr.finding:hover, tr.finding:focus { background: color-mix(in srgb, var(--accent) 8%, transparent); outline: none; }
    tr.finding td.location { min-width: 14em; max-width: 32em; }
    tr.finding td:nth-child(2) { white-space: nowrap; }
    tr.finding td:nth-child(3) { max-width: 16em; overflow-wrap: anywhere; }
    tr.finding td:nth-child(6) { min-width: 16em; }
    tr.detail td { background: color-mix(in srgb, var(--track) 45%, transparent); }
    tr.detail pre { background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: 8px; overflow-x: auto; white-space: pre; margin: 6px 0; }
    tr.detail .help p { margin: 6px 0; }
    tr.detail h3 { font-size: 14px; margin: 4px 0; }
    .pager { display: flex; gap: 8px; align-items: center; justify-content: center; margin-top: 10px; }
    footer { color: var(--muted); font-size: 12px; padding-bottom: 24px; }
    @media (max-width: 760px) {
      .grid, .grid.charts { grid-template-columns: 1fr; }
      h1 { font-size: 18px; }
      /* The findings table becomes a list: severity and location, the message below; the headers stay as sort buttons. */
      table.findings, table.findings tbody, table.findings tr, table.findings td { display: block; }
      table.findings thead tr { display: flex; flex-wrap: wrap; gap: 4px 12px; }
      table.findings th { display: block; border: 0; padding: 2px 0; }
      table.findings tr.finding { display: grid; grid-template-columns: auto minmax(0, 1fr); gap: 4px 8px; padding: 8px 0; border-bottom: 1px solid var(--line); }
      table.findings tr.finding td { border: 0; padding: 0; min-width: 0; max-width: none; }
      table.findings tr.finding td:nth-child(2), table.findings tr.finding td:nth-child(3), table.findings tr.finding td:nth-child(5) { display: none; }
      table.findings tr.finding td:nth-child(6) { grid-column: 1 / -1; }
    }
    @media print {
      .filters, .pager { display: none; }
      body { background: #fff; }
    }

    """
}

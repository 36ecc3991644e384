/// The one stylesheet of the HTML report, inline so the file stands alone. Colours meet
/// WCAG 2.1 AA contrast (dark text on the light legend fills); print: A4 landscape with the
/// table header repeated on every page.
enum HTMLStyle {
    /// A draft's printed pages carry the mark at the top centre.
    static func draftPage(_ mark: String) -> String {
        "@media print { @page { @top-center { content: \"\(mark)\"; font: 700 11pt sans-serif; color: #a00000; } } }\n"
    }

    /// Printed pages are numbered in the report's language ("Sivu 3 / 14").
    static func pageNumbers(_ word: String) -> String {
        "@media print { @page { @bottom-right { content: \"\(word) \" counter(page) \" / \" counter(pages); font: 9pt sans-serif; color: #404040; } } }\n"
    }

    static func css(legend: [LegendItem]) -> String {
        var css = """
        :root { color-scheme: light; }
        body { font-family: "Segoe UI", Arial, "Liberation Sans", sans-serif; font-size: 15px; line-height: 1.45; color: #1a1a1a; background: #ffffff; margin: 0 auto; max-width: 1400px; padding: 1rem 1.5rem 3rem; }
        h1 { font-size: 1.6rem; margin: 0.5rem 0; }
        h2 { font-size: 1.3rem; margin: 2rem 0 0.5rem; padding: 0.35rem 0.6rem; background: #1f3864; color: #ffffff; }
        h3, h4, h5, h6 { font-size: 1.05rem; margin: 1.2rem 0 0; padding: 0.4rem 0.6rem; background: #dfe6f2; border: 1px solid #8a8a8a; border-bottom: none; }
        h4, h5, h6 { font-size: 1rem; background: #eef1f7; }
        p.binding { margin: 0; padding: 0.2rem 0.6rem; font-style: italic; border: 1px solid #8a8a8a; border-bottom: none; }
        .owner { font-weight: 400; }
        .meta { color: #404040; margin: 0 0 1rem; }
        .draft { border: 3px solid #a00000; padding: 0.3rem 0.6rem; color: #a00000; font-weight: 700; }
        .notice { border-left: 4px solid #8a3b00; padding: 0.3rem 0.6rem; background: #fff4e5; }
        a { color: #1f3864; }
        nav ul { padding-left: 1.2rem; }
        table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1.5rem; }
        /* A wide table scrolls inside its own region (focusable, named by its caption); the page never does. */
        .table-wrap { overflow-x: auto; margin: 0.5rem 0 1.5rem; }
        .table-wrap > table { margin: 0; }
        /* While a table of figures scrolls, each row's name (its first column) stays in view beside them. */
        @media screen {
          .summary-table th:first-child, .indicator-table th:first-child { position: sticky; left: 0; z-index: 1; }
          .summary-table tbody th:first-child, .indicator-table tbody th:first-child { background: #ffffff; }
        }
        h1, h2, h3, h4, h5, h6, caption, nav a { overflow-wrap: anywhere; }
        caption { text-align: left; font-weight: 700; font-size: 1.05rem; padding: 0.4rem 0.6rem; background: #dfe6f2; border: 1px solid #8a8a8a; border-bottom: none; }
        caption .binding { display: block; font-weight: 400; font-style: italic; }
        th, td { border: 1px solid #8a8a8a; padding: 0.35rem 0.5rem; vertical-align: top; text-align: left; }
        thead th { background: #d9e1f2; }
        tbody th { font-weight: 600; }
        td.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        td.number .year, td .year { color: #404040; font-size: 0.85rem; }
        th .note { display: block; font-weight: 400; font-size: 0.85rem; color: #404040; }
        .i-achieved { background: \(IndicatorStatus.achieved.colour); }
        .i-on-track { background: \(IndicatorStatus.onTrack.colour); }
        .i-behind { background: \(IndicatorStatus.behind.colour); }
        .i-wrong-way { background: \(IndicatorStatus.wrongWay.colour); }
        .i-no-data { background: \(IndicatorStatus.noData.colour); }
        svg.sparkline { display: block; }
        /* The skip link is the first thing a keyboard reaches; hidden until it has focus. */
        a.skip { position: absolute; left: -10000px; top: 0; padding: 0.5rem 0.8rem; background: #1f3864; color: #ffffff; z-index: 10; }
        a.skip:focus { left: 0.5rem; }
        figure.chart { margin: 0.5rem 0 1rem; break-inside: avoid; }
        figure.chart svg { max-width: 100%; height: auto; font: 14px "Segoe UI", Arial, "Liberation Sans", sans-serif; fill: #1a1a1a; }
        figure.chart figcaption { font-weight: 700; }
        /* Figures keep their no-break spaces; only the unit after them may wrap, so the table fits the page. */
        .indicator-table td.number { white-space: normal; }
        .indicator-table th[scope="row"] { min-width: 11em; }
        .status-table col.c-action { width: 22%; } .status-table col.c-projects { width: 18%; }
        .status-table col.c-responsible { width: 15%; } .status-table col.c-progress { width: 11%; }
        .status-table col.c-status { width: 34%; } .status-table col.c-change { width: 14%; }
        .status-table col.c-extra { width: 12%; }
        h3 + .status-table, h4 + .status-table, h5 + .status-table, h6 + .status-table, p.binding + .status-table { margin-top: 0; }
        ul.plain { margin: 0; padding-left: 1.1rem; }
        .progress { white-space: normal; }
        .code { display: inline-block; min-width: 2.2em; font-weight: 700; font-family: Consolas, "DejaVu Sans Mono", monospace; }
        .progress.unknown { background: #ffffff; outline: 3px dashed #8a3b00; outline-offset: -4px; color: #8a3b00; font-weight: 600; }
        .progress.missing { background: #ffffff; color: #5a5a5a; font-style: italic; }
        .flag { display: block; font-size: 0.85rem; color: #8a3b00; font-weight: 600; }
        ul.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; }
        ul.legend li { padding: 0.25rem 0.6rem; border: 1px solid #8a8a8a; }
        /* A phone (390 px): each action is a block of labelled lines, no sideways scrolling. */
        @media screen and (max-width: 48em) {
          body { padding: 0.5rem 0.75rem 2rem; font-size: 16px; }
          .status-table, .status-table tbody, .status-table tr, .status-table th, .status-table td { display: block; width: auto; }
          .status-table colgroup { display: none; }
          .status-table thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
          .status-table tr { border: 1px solid #8a8a8a; margin-bottom: 0.6rem; }
          .status-table th, .status-table td { border: none; border-top: 1px solid #c8c8c8; }
          .status-table tbody th { border-top: none; }
          .status-table td[data-label]::before { content: attr(data-label); display: block; font-weight: 700; font-size: 0.85rem; color: #404040; }
          .status-table td:empty { display: none; }
          .summary-table th:first-child { max-width: 9em; }
        }
        @media print {
          @page { size: A4 landscape; margin: 12mm; }
          body { font-size: 9.5pt; max-width: none; padding: 0; }
          nav, a.skip { display: none; }
          .table-wrap { overflow: visible; }
          h2, h3, h4, h5, h6, p.binding { break-after: avoid; break-inside: avoid; }
          thead { display: table-header-group; }
          tr { break-inside: avoid; }
          caption { break-after: avoid; }
        }

        """
        for (index, item) in legend.enumerated() {
            css += ".p\(index) { background: \(item.colour); color: #000000; }\n"
        }
        return css
    }
}

import Foundation

/// The report as one self-contained HTML file: no scripts, no external assets, `lang` set,
/// real tables with captions and header cells, progress as code + label + colour, print CSS.
public struct HTMLReportRenderer: ReportRenderer {
    public let format = OutputFormat.html

    public init() {}

    public func render(_ model: ReportModel, to url: URL) throws {
        let strings = ReportStrings(language: model.language)
        let out = try BufferedFileWriter(path: url.path)
        let e = HTMLEscaping.escape
        let title = strings.reportTitle(of: model)
        let legendIndex = Dictionary(uniqueKeysWithValues: model.legend.enumerated().map { ($1.code, $0) })

        out.write("""
        <!DOCTYPE html>
        <html lang="\(model.language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(e(title))</title>
        <style>
        \(HTMLStyle.css(legend: model.legend))\(HTMLStyle.pageNumbers(strings.page))\(model.draft ? HTMLStyle.draftPage(strings.draftMark) : "")</style>
        </head>
        <body>
        <a class="skip" href="#sisalto">\(e(strings.skipToContent))</a>
        <header>
        <h1>\(e(title))</h1>

        """)
        if model.draft { out.write("<p class=\"draft\">\(e(strings.draftNotice))</p>\n") }
        let meta = [model.programme.organisation, model.programme.strategy].compactMap { $0 }
        if !meta.isEmpty { out.write("<p class=\"meta\">\(e(meta.joined(separator: " · ")))</p>\n") }
        if let dates = strings.datesLine(report: model.reportDate, data: model.dataDate) { out.write("<p class=\"dates\">\(e(dates))</p>\n") }
        if let notice = model.notice { out.write("<p class=\"notice\">\(e(notice))</p>\n") }
        // The row accounting, the checks and the update list are the coordinator's, not the council's.
        out.write("</header>\n<main id=\"sisalto\" tabindex=\"-1\">\n")

        // Table of contents: one link per top-level item, so a long report is navigable by keyboard.
        let outline = model.outline
        var anchors: [ItemPath: String] = [:]
        for (index, entry) in outline.enumerated() { anchors[entry.item.path] = "kohta-\(index + 1)" }
        out.write("<nav aria-label=\"\(e(strings.contents))\"><ul>\n")
        out.write("<li><a href=\"#yhteenveto\">\(e(strings.summarySheet))</a></li>\n")
        if model.indicators != nil { out.write("<li><a href=\"#\(HTMLIndicatorSection.anchor)\">\(e(strings.indicatorsSheet))</a></li>\n") }
        // Themes and, nested under each, its goals: a reader jumps to a goal from the top.
        for (item, depth) in outline where depth == 0 {
            out.write("<li><a href=\"#\(anchors[item.path]!)\">\(Self.part(item.heading, item.untranslatedTitle, model))</a>")
            if !item.items.isEmpty {
                out.write("\n<ul>\n")
                for child in item.items {
                    out.write("<li><a href=\"#\(anchors[child.path]!)\">\(Self.part(child.heading, child.untranslatedTitle, model))</a></li>\n")
                }
                out.write("</ul>")
            }
            out.write("</li>\n")
        }
        if model.tags != nil { out.write("<li><a href=\"#tagit\">\(e(strings.tagsTitle))</a></li>\n") }
        if model.comparison != nil { out.write("<li><a href=\"#muutokset\">\(e(strings.changesSheet))</a></li>\n") }
        out.write("</ul></nav>\n")

        writeLegend(model, strings: strings, out: out)
        writeSummary(model, strings: strings, out: out)
        if let indicators = model.indicators { HTMLIndicatorSection.write(indicators, model: model, strings: strings, out: out) }
        // Every item is a heading (h2 for the top shown level, h3… below), so a screen reader
        // can jump between goals as well as themes; its actions follow in a table it labels.
        var open = false
        for (item, depth) in outline {
            let anchor = anchors[item.path]!
            if depth == 0 {
                if open { out.write("</section>\n") }
                out.write("<section aria-labelledby=\"\(anchor)\">\n")
                open = true
            }
            writeItem(item, depth: depth, anchor: anchor, model: model, strings: strings, legendIndex: legendIndex, out: out)
        }
        if open { out.write("</section>\n") }
        if let tags = model.tags { writeTags(tags, model: model, strings: strings, out: out) }
        if let comparison = model.comparison {
            HTMLLayoutSection.write(ChangeListLayout.changes(comparison, model: model), anchor: "muutokset", tableClass: "changes", out: out)
        }
        out.write("</main>\n</body>\n</html>\n")
        try out.close()
    }

    private func writeLegend(_ model: ReportModel, strings: ReportStrings, out: BufferedFileWriter) {
        let e = HTMLEscaping.escape
        out.write("<section aria-labelledby=\"selitteet\">\n<h2 id=\"selitteet\">\(e(strings.legend))</h2>\n<ul class=\"legend\">\n")
        for (index, item) in model.legend.enumerated() {
            out.write("<li class=\"p\(index)\"><span class=\"code\">\(e(item.code))</span> \(e(item.label))</li>\n")
        }
        out.write("</ul>\n</section>\n")
    }

    private func writeSummary(_ model: ReportModel, strings: ReportStrings, out: BufferedFileWriter) {
        let e = HTMLEscaping.escape
        out.write("<section aria-labelledby=\"yhteenveto\">\n<h2 id=\"yhteenveto\">\(e(strings.summarySheet))</h2>\n")
        HTMLSummaryChart.write(model, strings: strings, out: out)
        out.write("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"\(e(strings.summaryTitle))\"><table class=\"summary-table\">\n<caption>\(e(strings.summaryTitle))</caption>\n<thead><tr>")
        let summary = SummaryLayout(model)
        out.write("<th scope=\"col\">\(e(summary.itemHeader))</th>")
        for item in summary.legend {
            // The code is for the eye; a screen reader says the label, not "plus slash minus".
            out.write("<th scope=\"col\"><span class=\"code\" aria-hidden=\"true\">\(e(item.code))</span> \(e(item.label))</th>")
        }
        out.write("<th scope=\"col\">\(e(summary.unknownHeader))</th><th scope=\"col\">\(e(summary.missingHeader))</th>")
        out.write("<th scope=\"col\">\(e(summary.totalHeader))</th></tr></thead>\n<tbody>\n")
        for row in summary.rows {
            // The report's total is named after what it adds up: all programmes, or the one.
            let header = row.kind == .total ? e("\(row.label): \(summary.totalHeader.lowercased())")
                : Self.part(row.label, row.untranslated, model)
            let bold = row.kind != .leaf
            out.write("<tr><th scope=\"row\">\(bold ? "<strong>" : "")\(header)\(bold ? "</strong>" : "")</th>")
            for item in row.counts.byCode {
                out.write("<td class=\"number\">\(strings.number(item.count)) (\(e(strings.percent(item.share))))</td>")
            }
            out.write("<td class=\"number\">\(strings.number(row.counts.unknownTotal))</td><td class=\"number\">\(strings.number(row.counts.missing))</td>")
            out.write("<td class=\"number\">\(strings.number(row.counts.total))</td></tr>\n")
        }
        out.write("</tbody>\n</table>\n</div>\n</section>\n")
    }

    private func writeTags(_ tags: [TagReport], model: ReportModel, strings: ReportStrings, out: BufferedFileWriter) {
        let e = HTMLEscaping.escape
        out.write("<section aria-labelledby=\"tagit\">\n<h2 id=\"tagit\">\(e(strings.tagsTitle))</h2>\n")
        for tag in tags {
            out.write("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"\(e(tag.name))\"><table class=\"summary-table\">\n<caption>\(e(tag.name))</caption>\n<thead><tr><th scope=\"col\">\(e(tag.name))</th>")
            for item in model.legend {
                out.write("<th scope=\"col\"><span class=\"code\" aria-hidden=\"true\">\(e(item.code))</span> \(e(item.label))</th>")
            }
            out.write("<th scope=\"col\">\(e(strings.total))</th></tr></thead>\n<tbody>\n")
            for item in tag.items {
                out.write("<tr><th scope=\"row\">\(e(item.label))</th>")
                for count in item.counts.byCode { out.write("<td class=\"number\">\(strings.number(count.count))</td>") }
                out.write("<td class=\"number\">\(strings.number(item.counts.total))</td></tr>\n")
            }
            out.write("</tbody>\n</table>\n</div>\n")
        }
        out.write("</section>\n")
    }

    private func writeItem(_ item: ItemReport, depth: Int, anchor: String, model: ReportModel, strings: ReportStrings,
                           legendIndex: [String: Int], out: BufferedFileWriter) {
        let e = HTMLEscaping.escape
        let level = min(6, depth + 2)
        var heading = Self.part(item.heading, item.untranslatedTitle, model)
        if let owner = item.owner, item.level == 0 { heading += " <span class=\"owner\">(\(e(owner)))</span>" }
        out.write("<h\(level) id=\"\(anchor)\">\(heading)</h\(level)>\n")
        if let binding = item.bindingGoal {
            out.write("<p class=\"binding\">\(e(strings.bindingGoal(model.programme.bindingGoalLabel, binding.text)))</p>\n")
        }
        guard !item.actions.isEmpty || item.items.isEmpty else { return }
        let layout = StatusTableLayout(model)
        out.write("<table class=\"status-table\" aria-labelledby=\"\(anchor)\">\n<colgroup>")
        for column in layout.columns { out.write("<col class=\"c-\(column.key)\">") }
        out.write("</colgroup>\n<thead><tr>")
        for column in layout.columns { out.write("<th scope=\"col\">\(e(column.header))</th>") }
        out.write("</tr></thead>\n<tbody>\n")
        if item.actions.isEmpty {
            out.write("<tr><td colspan=\"\(layout.columns.count)\">\(e(strings.noActions))</td></tr>\n")
        }
        // On a narrow screen each row is a block of labelled lines (HTMLStyle): the labels ride on
        // the cells, since the header row is not beside them there.
        let labels = layout.columns.map { " data-label=\"\(e($0.header))\"" }
        for action in item.actions {
            var line = "<tr>"
            for (index, cell) in layout.cells(action).enumerated() {
                let column = layout.columns[index]
                switch (column.content, cell) {
                case (.action, .text(let text, let untranslated)):
                    // The action names its row: a row header to a screen reader.
                    line += "<th scope=\"row\">\(Self.part(text, untranslated, model, multiline: true))</th>"
                case (_, .lines(let lines)) where lines.count > 1:
                    line += "<td\(labels[index])><ul class=\"plain\">"
                    for entry in lines { line += "<li>\(e(entry))</li>" }
                    line += "</ul></td>"
                case (_, .lines(let lines)):
                    line += "<td\(labels[index])>\(HTMLEscaping.multiline(lines.joined(separator: "\n")))</td>"
                case (_, .progress(let progress)):
                    line += Self.progressCell(progress, label: labels[index], legendIndex: legendIndex, strings: strings)
                case (.change, .text(let text, _)):
                    line += "<td class=\"change\"\(labels[index])>\(e(text))</td>"
                case (_, .text(let text, let untranslated)):
                    line += "<td\(labels[index])>\(Self.part(text, untranslated, model, multiline: true))</td>"
                }
            }
            line += "</tr>\n"
            out.write(line)
        }
        out.write("</tbody>\n</table>\n")
    }

    /// A progress cell: the legend's colour, the code (hidden from a screen reader, which reads the
    /// label) and the label; a code the legend does not know shows as written — the note to check
    /// it is the coordinator's —, a missing one as no information.
    static func progressCell(_ progress: ProgressCell, label: String, legendIndex: [String: Int], strings: ReportStrings) -> String {
        let e = HTMLEscaping.escape
        return switch progress.status {
        case .known:
            "<td class=\"progress p\(legendIndex[progress.code] ?? 0)\"\(label)><span class=\"code\" aria-hidden=\"true\">\(e(progress.code))</span> \(e(progress.label ?? ""))</td>"
        case .unknown: "<td class=\"progress unknown\"\(label)><span class=\"code\">\(e(progress.code))</span></td>"
        case .missing: "<td class=\"progress missing\"\(label)>\(e(strings.noInformation))</td>"
        }
    }

    /// Escaped text; one left in the source's language for want of a translation is marked
    /// visibly and given its `lang`, so a screen reader reads it with the right voice (WCAG 3.1.2).
    static func part(_ text: String, _ untranslated: Bool?, _ model: ReportModel, multiline: Bool = false) -> String {
        let escaped = multiline ? HTMLEscaping.multiline(text) : HTMLEscaping.escape(text)
        guard untranslated == true, let source = model.sourceLanguage, !text.isEmpty else { return escaped }
        let marker = ReportStrings(language: model.language).untranslatedMarker(source)
        return "<span class=\"untranslated\">\(HTMLEscaping.escape(marker))</span> <span lang=\"\(source.rawValue)\">\(escaped)</span>"
    }
}

/// The HTML sections for the comparison with the previous period ("Muutokset") and the rows
/// to update per responsible party ("Päivitettävät"): the same lists as the XLSX sheets.
enum HTMLChangesSection {
    static func write(_ comparison: PeriodComparison, model: ReportModel, strings: ReportStrings, out: BufferedFileWriter) {
        let e = HTMLEscaping.escape
        let m = HTMLEscaping.multiline
        out.write("<section aria-labelledby=\"muutokset\">\n<h2 id=\"muutokset\">\(e(strings.changesTitle(comparison.previousPeriod, model.period)))</h2>\n")
        out.write("<p>\(e(strings.changeCounts(comparison.counts)))</p>\n")
        if comparison.changes.isEmpty {
            out.write("<p>\(e(strings.noChanges))</p>\n</section>\n")
            return
        }
        let headers = [strings.changeKindColumn, strings.identifier, model.placeColumn, strings.action, strings.responsible,
                       strings.progressBefore, strings.progressNow, strings.directionColumn, strings.statusUpdated,
                       strings.previousWording, strings.statusBefore, model.statusColumn, strings.checkFlag]
            .dropLast(model.isCoordinatorEdition ? 0 : 1)
        out.write("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"\(e(strings.changesSheet))\"><table class=\"changes\">\n<caption>\(e(strings.changesSheet))</caption>\n<thead><tr>")
        for header in headers { out.write("<th scope=\"col\">\(e(header))</th>") }
        out.write("</tr></thead>\n<tbody>\n")
        for change in comparison.changes {
            let cells = ChangeRows.cells(change, strings: strings).dropLast(model.isCoordinatorEdition ? 0 : 1)
            var line = "<tr class=\"change-\(change.kind.rawValue)\">"
            for (index, cell) in cells.enumerated() {
                line += index == 3 ? "<th scope=\"row\">\(m(cell))</th>" : "<td>\(m(cell))</td>"
            }
            out.write(line + "</tr>\n")
        }
        out.write("</tbody>\n</table>\n</div>\n</section>\n")
    }

    static func writeUpdates(_ requests: [UpdateRequest], model: ReportModel, strings: ReportStrings, out: BufferedFileWriter) {
        let e = HTMLEscaping.escape
        let m = HTMLEscaping.multiline
        out.write("<section aria-labelledby=\"paivitettavat\">\n<h2 id=\"paivitettavat\">\(e(strings.updatesTitle(model.period)))</h2>\n")
        if requests.isEmpty { out.write("<p>\(e(strings.noUpdates))</p>\n") }
        for request in requests {
            out.write("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"\(e(request.responsible))\"><table class=\"updates\">\n<caption>\(e(request.responsible))</caption>\n<thead><tr>")
            for header in [model.placeColumn, strings.action, strings.progress, model.statusColumn, strings.reasonColumn] {
                out.write("<th scope=\"col\">\(e(header))</th>")
            }
            out.write("</tr></thead>\n<tbody>\n")
            for item in request.actions {
                out.write("<tr><td class=\"number\">\(m(item.place))</td><th scope=\"row\">\(m(item.action))</th>"
                          + "<td>\(e(item.progress))</td><td>\(m(item.status))</td><td>\(e(strings.staleReason(item.stale)))</td></tr>\n")
            }
            out.write("</tbody>\n</table>\n</div>\n")
        }
        out.write("</section>\n")
    }
}

/// A list laid out by the layout stage (`LayoutTable`) as an HTML section: its heading, its
/// note, and the table inside a named, focusable region that scrolls on its own. A list whose
/// rows come in groups (the rows to update, by responsible party) is one table per group,
/// captioned with the group.
enum HTMLLayoutSection {
    static func write(_ table: LayoutTable, anchor: String, tableClass: String, out: BufferedFileWriter) {
        let e = HTMLEscaping.escape
        out.write("<section aria-labelledby=\"\(anchor)\">\n<h2 id=\"\(anchor)\">\(e(table.title))</h2>\n")
        if let note = table.note { out.write("<p>\(e(note))</p>\n") }
        if table.rows.isEmpty {
            out.write("<p>\(e(table.empty))</p>\n</section>\n")
            return
        }
        if let group = table.columns.firstIndex(where: { $0.role == .group }) {
            var order: [String] = []
            var rows: [String: [LayoutRow]] = [:]
            for row in table.rows {
                if rows[row.cells[group]] == nil { order.append(row.cells[group]) }
                rows[row.cells[group], default: []].append(row)
            }
            for name in order { writeTable(table, rows: rows[name]!, caption: name, skipping: group, tableClass: tableClass, out: out) }
        } else {
            writeTable(table, rows: table.rows, caption: table.name, skipping: nil, tableClass: tableClass, out: out)
        }
        out.write("</section>\n")
    }

    private static func writeTable(_ table: LayoutTable, rows: [LayoutRow], caption: String, skipping: Int?, tableClass: String,
                                   out: BufferedFileWriter) {
        let e = HTMLEscaping.escape
        let m = HTMLEscaping.multiline
        let shown = table.columns.indices.filter { $0 != skipping }
        out.write("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"\(e(caption))\"><table class=\"\(tableClass)\">\n<caption>\(e(caption))</caption>\n<thead><tr>")
        for index in shown { out.write("<th scope=\"col\">\(e(table.columns[index].header))</th>") }
        out.write("</tr></thead>\n<tbody>\n")
        for row in rows {
            var line = row.kind.map { "<tr class=\"\(tableClass == "changes" ? "change-" : "")\(e($0))\">" } ?? "<tr>"
            for index in shown {
                let column = table.columns[index]
                let text = m(row.cells[index])
                line += column.role == .rowHeader ? "<th scope=\"row\">\(text)</th>"
                    : column.content == .place ? "<td class=\"number\">\(text)</td>" : "<td>\(text)</td>"
            }
            out.write(line + "</tr>\n")
        }
        out.write("</tbody>\n</table>\n</div>\n")
    }
}

/// The summary chart of the HTML report: inline SVG, one horizontal bar per legend code in the
/// legend's order top-down, then every code outside the legend as written (`+?`) and the
/// actions without a code, each bar growing rightwards from zero with its count beside it.
/// An image to a screen reader (`role="img"`), named by its title and described by its figures
/// in words; the summary table after it is the same data as a table.
enum HTMLSummaryChart {
    struct Bar {
        var code: String
        var label: String
        var count: Int
        /// A fill colour, or nil for the outlined bars (codes outside the legend, no code).
        var colour: String?
    }

    static func bars(_ model: ReportModel, strings: ReportStrings) -> [Bar] {
        var bars: [Bar] = []
        for (item, count) in zip(model.legend, model.totals.byCode) {
            bars.append(Bar(code: item.code, label: item.label, count: count.count, colour: item.colour))
        }
        for unknown in model.totals.unknown {
            bars.append(Bar(code: unknown.code, label: strings.unknownCodesColumn, count: unknown.count, colour: nil))
        }
        if model.totals.missing > 0 {
            bars.append(Bar(code: "", label: strings.missingColumn, count: model.totals.missing, colour: nil))
        }
        return bars
    }

    static func write(_ model: ReportModel, strings: ReportStrings, out: BufferedFileWriter) {
        let e = HTMLEscaping.escape
        let bars = bars(model, strings: strings)
        guard !bars.isEmpty else { return }
        // Each bar under its own label line, so a long label is never cut and the chart reads
        // the same on a phone, scaled to the screen's width.
        let left = 4.0, barWidth = 340.0, rowHeight = 44.0, top = 4.0
        let width = left + barWidth + 60
        let height = top * 2 + rowHeight * Double(bars.count)
        let largest = Double(max(1, bars.map(\.count).max() ?? 1))
        let described = bars.map { bar in
            "\(bar.code.isEmpty ? "" : bar.code + " ")\(bar.label): \(strings.number(bar.count))"
        }.joined(separator: "; ")
        out.write("<figure class=\"chart\">\n")
        out.write("<svg role=\"img\" aria-labelledby=\"kaavio-otsikko kaavio-kuvaus\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" xmlns=\"http://www.w3.org/2000/svg\">\n")
        out.write("<title id=\"kaavio-otsikko\">\(e(strings.chartTitle))</title>\n")
        out.write("<desc id=\"kaavio-kuvaus\">\(e(described)). \(e(strings.chartAlternative))</desc>\n")
        for (index, bar) in bars.enumerated() {
            let y = top + rowHeight * Double(index)
            let length = max(1, (barWidth * Double(bar.count) / largest).rounded())
            let text = (bar.code.isEmpty ? "" : bar.code + "  ") + bar.label
            out.write("<text x=\"\(Int(left))\" y=\"\(Int(y + 15))\">\(e(text))</text>\n")
            let rect = "<rect x=\"\(Int(left))\" y=\"\(Int(y + 21))\" width=\"\(Int(length))\" height=\"16\""
            if let colour = bar.colour {
                out.write(rect + " fill=\"\(e(colour))\" stroke=\"#595959\"/>\n")
            } else {
                out.write(rect + " fill=\"#ffffff\" stroke=\"#8a3b00\" stroke-width=\"2\" stroke-dasharray=\"4 3\"/>\n")
            }
            out.write("<text x=\"\(Int(left + length + 6))\" y=\"\(Int(y + 34))\">\(strings.number(bar.count))</text>\n")
        }
        out.write("</svg>\n<figcaption>\(e(strings.chartTitle))</figcaption>\n</figure>\n")
    }
}

/// The "Mittarit" section of the HTML report: one table per theme with baseline, latest value,
/// target, change, the share of the way covered and the status (symbol, text and colour), and a
/// small inline SVG chart of the series (no script; the chart has a text alternative).
enum HTMLIndicatorSection {
    static let anchor = "mittarit"

    static func write(_ indicators: [IndicatorReport], model: ReportModel, strings: ReportStrings, out: BufferedFileWriter) {
        let e = HTMLEscaping.escape
        out.write("<section aria-labelledby=\"\(anchor)\">\n<h2 id=\"\(anchor)\">\(e(strings.indicatorsSheet))</h2>\n")
        out.write("<ul class=\"legend\">\n")
        for status in IndicatorStatus.allCases {
            out.write("<li class=\"i-\(status.rawValue)\"><span class=\"code\" aria-hidden=\"true\">\(e(status.symbol))</span> \(e(strings.indicatorStatusLabel(status)))</li>\n")
        }
        out.write("</ul>\n")
        for group in IndicatorTableLayout(indicators, model: model).groups {
            out.write("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"\(e(group.title))\"><table class=\"indicator-table\">\n<caption>\(e(group.title))</caption>\n<thead><tr>")
            for header in [strings.indicator, strings.baseline, strings.latest, strings.target, strings.change, strings.progressToTarget,
                           strings.indicatorStatus, strings.trend] {
                out.write("<th scope=\"col\">\(e(header))</th>")
            }
            out.write("</tr></thead>\n<tbody>\n")
            for layout in group.rows { row(layout, model: model, strings: strings, out: out) }
            out.write("</tbody>\n</table>\n</div>\n")
        }
        out.write("</section>\n")
    }

    private static func row(_ layout: IndicatorTableLayout.Row, model: ReportModel, strings: ReportStrings, out: BufferedFileWriter) {
        let e = HTMLEscaping.escape
        let indicator = layout.indicator
        /// A figure with its unit and, under it, its period; what the programme wrote; a band; a dash.
        func figure(_ figure: IndicatorTableLayout.Figure, flag: String = "") -> String {
            switch figure {
            case .value(let value, let period):
                "<td class=\"number\">\(e(strings.measure(value, decimals: indicator.decimals, unit: indicator.unit)))<br><span class=\"year\">\(e(period))</span>\(flag)</td>"
            case .written(let text, let period):
                "<td class=\"number\">\(e(text))" + (period.map { "<br><span class=\"year\">\(e($0))</span>" } ?? "") + "\(flag)</td>"
            case .band(let low, let high):
                "<td class=\"number\">\(e(strings.decimal(low, decimals: indicator.decimals)))–\(e(strings.measure(high, decimals: indicator.decimals, unit: indicator.unit)))\(flag)</td>"
            case .none: "<td class=\"number\">–\(flag)</td>"
            }
        }
        var line = "<tr><th scope=\"row\">\(HTMLReportRenderer.part(indicator.name, indicator.untranslatedName, model))"
        if indicator.example == true { line += " <span class=\"example\">(\(e(strings.exampleFigure)))</span>" }
        var notes = [layout.direction] + layout.examples
        if let source = layout.source { notes.append("\(strings.statisticsSource): \(source)") }
        if layout.setByHand { notes.append(strings.statusSetByHand) }
        line += "<span class=\"note\">\(e(notes.joined(separator: " · ")))</span></th>"
        line += figure(layout.baseline)
        line += figure(layout.latest, flag: layout.oldData ? " <span class=\"flag\">\(e(strings.oldData))</span>" : "")
        line += figure(layout.target)
        line += "<td class=\"number\">\(e(indicator.change.map { strings.signedChange($0, decimals: indicator.decimals, unit: indicator.unit) } ?? "–"))</td>"
        var progress = indicator.progress.map { strings.percent($0) } ?? "–"
        if let expected = indicator.expectedProgress, indicator.status != .achieved {
            progress += "<br><span class=\"year\">\(e(strings.expectedByNow)) \(e(strings.percent(expected)))</span>"
        }
        line += "<td class=\"number\">\(progress)</td>"
        if let mark = indicator.statusMark {
            // In the programme's own legend: the code's colour class and label.
            let index = model.legend.firstIndex { $0.code == mark.code } ?? 0
            line += "<td class=\"indicator-status p\(index)\"><span class=\"code\" aria-hidden=\"true\">\(e(mark.code))</span> \(e(mark.label ?? ""))"
        } else {
            line += "<td class=\"indicator-status i-\(indicator.status.rawValue)\"><span class=\"code\" aria-hidden=\"true\">\(e(indicator.status.symbol))</span> \(e(strings.indicatorStatusLabel(indicator.status)))"
        }
        if !layout.missingPeriods.isEmpty {
            let periods = layout.missingPeriods.joined(separator: ", ")
            line += "<br><span class=\"flag\">\(e(strings.missingValues)): \(e(periods))</span>"
        }
        line += "</td><td>\(sparkline(indicator, strings: strings))</td></tr>\n"
        out.write(line)
    }

    /// A line of the values (gaps where a value is missing), the target as a dashed line and the
    /// latest value as a dot. Its text alternative says the first and latest value.
    static func sparkline(_ indicator: IndicatorReport, strings: ReportStrings) -> String {
        let e = HTMLEscaping.escape
        let points = indicator.series
        let values = points.compactMap(\.value)
        let label = strings.trendDescription(points, decimals: indicator.decimals, unit: indicator.unit)
        guard values.count >= 2 else { return "<span class=\"year\">\(e(label))</span>" }
        let (width, height, pad) = (140.0, 36.0, 4.0)
        var low = values.min()!, high = values.max()!
        if let target = indicator.target?.value, indicator.direction != .band { low = min(low, target); high = max(high, target) }
        if high == low { high += 1; low -= 1 }
        func x(_ index: Int) -> Double { pad + Double(index) * (width - 2 * pad) / Double(max(points.count - 1, 1)) }
        func y(_ value: Double) -> Double { height - pad - (value - low) / (high - low) * (height - 2 * pad) }
        func f(_ number: Double) -> String { String(format: "%.1f", number) }
        var segments: [[String]] = [[]]
        for (index, point) in points.enumerated() {
            if let value = point.value { segments[segments.count - 1].append("\(f(x(index))),\(f(y(value)))") } else if !segments[segments.count - 1].isEmpty { segments.append([]) }
        }
        var svg = "<svg class=\"sparkline\" role=\"img\" aria-label=\"\(e(label))\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\"><title>\(e(label))</title>"
        if let target = indicator.target?.value, indicator.direction != .band {
            svg += "<line x1=\"\(f(pad))\" x2=\"\(f(width - pad))\" y1=\"\(f(y(target)))\" y2=\"\(f(y(target)))\" stroke=\"#595959\" stroke-width=\"1\" stroke-dasharray=\"3 2\"/>"
        }
        for segment in segments where !segment.isEmpty {
            svg += "<polyline fill=\"none\" stroke=\"#1f3864\" stroke-width=\"2\" points=\"\(segment.joined(separator: " "))\"/>"
        }
        if let last = points.lastIndex(where: { $0.value != nil }) {
            svg += "<circle cx=\"\(f(x(last)))\" cy=\"\(f(y(points[last].value!)))\" r=\"3\" fill=\"#1f3864\"/>"
        }
        return svg + "</svg>"
    }
}

import Foundation

/// The `indicators:` section of the programme file (docs/indicators.md).
extension ConfigLoader {
    static func readIndicators(_ value: YAMLValue, register: ProgrammeRegister, mainLanguage: ReportLanguage) throws -> [IndicatorConfig] {
        var indicators: [IndicatorConfig] = []
        for item in try value.sequence() {
            let map = try item.mapping(allowed: [
                "id", "name", "at", "unit", "direction", "band", "baseline", "target", "thresholds", "decimals",
                "max_age_years", "source", "sources", "source_label", "status", "example",
            ] + translatedKeys("name") + translatedKeys("unit") + translatedKeys("source_label"))
            let id = try map.required("id").string()
            if indicators.contains(where: { $0.id == id }) { throw item.error("the indicator id \"\(id)\" is used twice") }
            var attached: ItemPath?
            if let at = map["at"] {
                let reference = try at.string()
                let found = register.resolve(reference: reference)
                guard found.count == 1 else {
                    throw at.error(found.isEmpty ? "no item \"\(reference)\" in the programme's register"
                                                 : "\"\(reference)\" names \(found.count) items; use a number or a path such as \(found[0])")
                }
                attached = found[0]
            }
            let direction = try map.required("direction").oneOf(IndicatorDirection.self)
            var band: IndicatorBand?
            if let bandValue = map["band"] {
                let bandMap = try bandValue.mapping(allowed: ["low", "high"])
                band = IndicatorBand(low: try bandMap.required("low").number(), high: try bandMap.required("high").number())
                if band!.low > band!.high { throw bandValue.error("low is above high") }
            }
            if direction == .band, band == nil { throw item.error("direction band needs band: {low: …, high: …}") }
            let target = try map["target"].map(readYearValue)
            let manualStatus = try map["status"]?.oneOf(IndicatorStatusSetting.self).status
            if direction != .band, target?.value == nil, target?.range == nil, manualStatus == nil {
                throw (map["target"] ?? item).error(target?.text == nil
                    ? "direction \(direction.rawValue) needs target: {year: …, value: …} (a number or a range such as 7–8)"
                    : "a target in words needs its status set by hand: status: achieved, on_track, behind or wrong_way")
            }
            var thresholds = IndicatorThresholds.default
            if let thresholdsValue = map["thresholds"] {
                let thresholdMap = try thresholdsValue.mapping(allowed: ["on_track", "stalled"])
                if let onTrack = thresholdMap["on_track"] { thresholds.onTrack = try onTrack.number() }
                if let stalled = thresholdMap["stalled"] { thresholds.stalled = try stalled.number() }
                guard thresholds.stalled < thresholds.onTrack else {
                    throw thresholdsValue.error("stalled must be below on_track (shares of the expected progress, e.g. 0 and 0.9)")
                }
            }
            let sourcesValues: [YAMLValue]
            if let single = map["source"] {
                if map["sources"] != nil { throw single.error("give either source or sources") }
                sourcesValues = [single]
            } else if manualStatus != nil, map["sources"] == nil {
                sourcesValues = [] // followed by hand
            } else {
                sourcesValues = try map.required("sources").sequence()
            }
            var maxAge = 2
            if let age = map["max_age_years"] {
                maxAge = try age.int()
                guard (0...50).contains(maxAge) else { throw age.error("expected 0 to 50 (years)") }
            }
            indicators.append(IndicatorConfig(
                id: id, name: try map.required("name").string(), names: try translations(map, "name"),
                item: attached, unit: try map["unit"]?.string(), units: try translations(map, "unit"),
                direction: direction, band: band,
                baseline: try map["baseline"].map(readYearValue), target: target,
                thresholds: thresholds, decimals: try map["decimals"]?.int(), maxAgeYears: maxAge,
                sources: try sourcesValues.map(readIndicatorSource), configLine: item.line ?? 0))
            indicators[indicators.count - 1].sourceLabels = try translations(map, "source_label")
            if let label = map["source_label"] { indicators[indicators.count - 1].sourceLabels[mainLanguage] = try label.string() }
            indicators[indicators.count - 1].manualStatus = manualStatus
            indicators[indicators.count - 1].example = try map["example"]?.bool() ?? false
        }
        return indicators
    }

    /// `{year: 2030, value: 130000}`, `{year: 2025, value: 7–8}` (a range) or `{year: 2021, value: toteutuu}` (words).
    private static func readYearValue(_ value: YAMLValue) throws -> IndicatorYearValue {
        let map = try value.mapping(allowed: ["year", "value", "example"])
        var read = try readYearValue(map)
        if try map["example"]?.bool() == true { read.example = true }
        return read
    }

    private static func readYearValue(_ map: YAMLMapping) throws -> IndicatorYearValue {
        let year = try map.required("year").int()
        guard let written = map["value"] else { return IndicatorYearValue(year: year, value: nil) }
        if let number = try? written.number() { return IndicatorYearValue(year: year, value: number) }
        let text = try written.string()
        if let range = IndicatorBand(range: text) {
            return IndicatorYearValue(year: year, value: nil, range: range)
        }
        guard !text.isEmpty, !text.contains(where: \.isNumber) else {
            throw written.error("expected a number (7,8 as 7.8), a range (7–8) or words (toteutuu), found \"\(text)\"")
        }
        return IndicatorYearValue(year: year, value: nil, text: text)
    }

    private static func readIndicatorSource(_ value: YAMLValue) throws -> IndicatorSource {
        let map = try value.mapping(allowed: ["path", "format", "select", "time", "value", "sheet"])
        var select: [IndicatorSelection] = []
        if let selectValue = map["select"] {
            for (key, category, _) in try selectValue.freeMapping() {
                select.append(IndicatorSelection(variable: key, category: try category.string()))
            }
        }
        return IndicatorSource(path: try map.required("path").string(),
                               format: try map["format"]?.oneOf(StatisticalCube.Format.self),
                               select: select, time: try map["time"]?.string(), value: try map["value"]?.string(),
                               sheet: try map["sheet"]?.string())
    }
}

/// The statuses a programme may set by hand, as the file writes them.
enum IndicatorStatusSetting: String, CaseIterable {
    case achieved, onTrack = "on_track", behind, wrongWay = "wrong_way", noData = "no_data"

    var status: IndicatorStatus {
        switch self {
        case .achieved: .achieved
        case .onTrack: .onTrack
        case .behind: .behind
        case .wrongWay: .wrongWay
        case .noData: .noData
        }
    }
}

extension IndicatorBand {
    /// `7–8`, `7-8`, `7,5–8` → 7…8; nil when the text is not a range.
    init?(range text: String) {
        let parts = text.replacingOccurrences(of: "—", with: "–").split(whereSeparator: { $0 == "–" || $0 == "-" })
            .map { $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".") }
        guard parts.count == 2, let low = Double(parts[0]), let high = Double(parts[1]), low <= high else { return nil }
        self.init(low: low, high: high)
    }
}

extension YAMLValue {
    /// A number as YAML writes it (`7.8`, `-3`, `124025`).
    func number() throws -> Double {
        guard case .scalar(let scalar) = node, let value = Double(scalar.string.replacingOccurrences(of: "_", with: "")), value.isFinite else {
            throw error("expected a number, found \(describeValueForNumber)")
        }
        return value
    }

    private var describeValueForNumber: String {
        if case .scalar(let scalar) = node { return "\"\(scalar.string)\"" }
        return "a list or mapping"
    }
}

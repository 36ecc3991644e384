/// Resolves an indicator's `select:` against a file's dimensions: the category of each
/// variable other than time. A variable with one category needs no choice; one with several
/// that the selection does not name is a finding, as is a name or code the file does not have.
public struct IndicatorSelectionResolver: Sendable {
    /// The report's language: names of variables and categories are given in it where the file has it.
    let language: ReportLanguage

    public struct Resolved: Sendable {
        /// nil when the selection did not resolve (the findings say why).
        public var query: CubeQuery?
        /// For each dimension: the chosen category, or nil for the time dimension.
        public var chosen: [Int?]
        public var timeDimension: Int?
        public var diagnostics: [Diagnostic]
    }

    public func resolve(_ source: IndicatorSource, in cube: StatisticalCube) -> Resolved {
        var log = DiagnosticLog()
        var chosen: [Int?] = Array(repeating: nil, count: cube.dimensions.count)
        var named = Array(repeating: false, count: cube.dimensions.count)
        var failed = false
        let timeDimension = source.time.flatMap(cube.dimension(named:)) ?? cube.dimensions.firstIndex(where: \.isTime)
        // Names and labels in the report's language where the file has them, else its own.
        let language = self.language.rawValue
        func name(_ dimension: CubeDimension) -> String { dimension.names[language] ?? dimension.name }
        func variables() -> String { cube.dimensions.map { "\"\(name($0))\"" }.joined(separator: ", ") }
        for selection in source.select {
            guard let dimension = cube.dimension(named: selection.variable) else {
                log.emit(.indicatorVariableNotFound, at: cube.origin, selection.variable, variables())
                failed = true
                continue
            }
            guard let category = cube.dimensions[dimension].category(selection.category) else {
                log.emit(.indicatorCodeNotFound, at: cube.origin, selection.category, name(cube.dimensions[dimension]),
                         Self.sample(cube.dimensions[dimension], language: language, main: cube.language))
                // Named, if wrongly: one finding, not also "choose one".
                named[dimension] = true
                failed = true
                continue
            }
            chosen[dimension] = category
            named[dimension] = true
        }
        if timeDimension == nil {
            log.emit(.indicatorVariableNotFound, at: cube.origin, source.time ?? ReportStrings(language: self.language).year, variables())
            failed = true
        }
        for (index, dimension) in cube.dimensions.enumerated() where index != timeDimension && !named[index] {
            if dimension.codes.count == 1 {
                chosen[index] = 0
            } else {
                log.emit(.indicatorSelectionNeeded, at: cube.origin, name(dimension),
                         Self.sample(dimension, language: language, main: cube.language))
                failed = true
            }
        }
        let query = failed ? nil : CubeQuery(categories: chosen.enumerated().map { index, category in
            index == timeDimension ? nil : category.map { [$0] }
        })
        return Resolved(query: query, chosen: chosen, timeDimension: timeDimension, diagnostics: log.diagnostics)
    }

    /// `KU297 (Kuopio), KU091 (Helsinki), … (310)`: what the variable offers, for a finding.
    static func sample(_ dimension: CubeDimension, language wanted: String, main: String) -> String {
        let language = [wanted, main].first { dimension.labels[$0] != nil } ?? dimension.labels.keys.sorted().first ?? ""
        let shown = dimension.codes.prefix(6).enumerated().map { index, code in
            let label = dimension.label(index, language: language)
            return label == code ? code : "\(code) (\(label))"
        }
        let more = dimension.codes.count > 6 ? ", … (\(dimension.codes.count))" : ""
        return shown.joined(separator: ", ") + more
    }
}

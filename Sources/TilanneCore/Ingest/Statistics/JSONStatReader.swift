import Foundation

/// Reads a JSON-stat 2.0 dataset, as the StatFin and other PxWeb APIs return it: `id` and
/// `size` give the dimension order; a category `index` is an array or an object of positions
/// (the order is the position, never the key order); `value` is an array with nulls or a
/// sparse object; `status` marks why a value is missing. The 1.x wrapper (`{"dataset": …}`)
/// is read as well.
struct JSONStatReader {
    let file: String
    /// JSON-stat arrives whole from an API; a file beyond this is not one.
    static let maxBytes = 256 * 1024 * 1024

    func read(_ url: URL, query: (StatisticalCube) -> CubeQuery?) -> StatisticalCube {
        var log = DiagnosticLog()
        var cube = StatisticalCube(file: file, format: .jsonstat, language: "fi", languages: [], title: [:], dimensions: [],
                                   units: [:], lastUpdated: nil, source: [:], cells: [:], cellCount: 0, missingCount: 0,
                                   diagnostics: [])
        var data = Data()
        func fail(_ code: DiagnosticCode, _ arguments: String...) -> StatisticalCube {
            fail(code, with: arguments.map(DiagnosticArgument.text))
        }
        func fail(_ code: DiagnosticCode, with arguments: [DiagnosticArgument]) -> StatisticalCube {
            log.emit(code, at: cube.origin, with: arguments)
            cube.diagnostics = log.diagnostics
            cube.cells = [:]
            cube.damaged = true
            return cube
        }
        /// A damaged document, at the line of `near` (a quoted name in the file), else line 1:
        /// every syntax finding names a line.
        func broken(_ problem: String, near: String? = nil, line: Int? = nil) -> StatisticalCube {
            let found = line ?? near.flatMap { Self.line(of: "\"\($0)\"", in: data) } ?? 1
            log.emit(.statisticsSyntax, at: cube.origin.at(row: found), arguments: ["\(found)", problem])
            cube.diagnostics = log.diagnostics
            cube.cells = [:]
            cube.damaged = true
            return cube
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        guard size <= Self.maxBytes else { return fail(.statisticsUnsupported, "JSON-stat > 256 MB") }
        guard let read = try? Data(contentsOf: url) else { return fail(.statisticsUnreadable, with: [.phrase(.cannotOpenFile)]) }
        data = read
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data)
        } catch {
            let description = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            return broken("not valid JSON: \(description)", line: Self.line(in: description, error: error as NSError, data: data))
        }
        guard var dataset = root as? [String: Any] else { return broken("the top level is not an object") }
        if dataset["class"] as? String == "collection" { return fail(.statisticsUnsupported, "JSON-stat collection") }
        if dataset["id"] == nil, let wrapped = dataset["dataset"] as? [String: Any] { dataset = wrapped }
        if dataset["id"] == nil, dataset.count == 1, let only = dataset.values.first as? [String: Any] { dataset = only }
        let dimensionsObject = dataset["dimension"] as? [String: Any] ?? [:]
        let ids = (dataset["id"] as? [String]) ?? (dimensionsObject["id"] as? [String]) ?? []
        let sizes = ((dataset["size"] as? [Any]) ?? (dimensionsObject["size"] as? [Any]) ?? []).compactMap { ($0 as? NSNumber)?.intValue }
        guard !ids.isEmpty, ids.count == sizes.count else { return broken("\"id\" and \"size\" are missing or differ in length", near: "id") }
        let role = (dataset["role"] as? [String: Any]) ?? (dimensionsObject["role"] as? [String: Any]) ?? [:]
        let timeIds = Set((role["time"] as? [String]) ?? [])
        let metricIds = Set((role["metric"] as? [String]) ?? [])
        let language = (dataset["extension"] as? [String: Any])?["lang"] as? String ?? "fi"
        cube.language = language
        cube.languages = [language]
        if let label = dataset["label"] as? String { cube.title[language] = label }
        if let source = dataset["source"] as? String { cube.source[language] = source }
        cube.lastUpdated = dataset["updated"] as? String

        for (id, size) in zip(ids, sizes) {
            guard let object = dimensionsObject[id] as? [String: Any] else { return broken("dimension \"\(id)\" is missing", near: "dimension") }
            let category = object["category"] as? [String: Any] ?? [:]
            let labels = category["label"] as? [String: String] ?? [:]
            var codes: [String]
            if let list = category["index"] as? [String] {
                codes = list
            } else if let positions = category["index"] as? [String: Any] {
                // Order by position: JSON object key order carries no meaning.
                codes = positions.compactMap { key, value in (value as? NSNumber).map { (key, $0.intValue) } }
                    .sorted { $0.1 < $1.1 }.map(\.0)
            } else if labels.count == 1, let only = labels.keys.first {
                codes = [only]
            } else {
                return broken("dimension \"\(id)\" has no category index", near: id)
            }
            guard codes.count == size else {
                return broken("dimension \"\(id)\" has \(codes.count) categories, size says \(size)", near: id)
            }
            var dimension = CubeDimension(name: id, names: [language: object["label"] as? String ?? id], code: id, codes: codes,
                                          labels: [language: codes.map { labels[$0] ?? $0 }],
                                          isTime: timeIds.contains(id) || CubeDimension.timeNames.contains(TextNormaliser.comparisonKey(id)),
                                          isContent: metricIds.contains(id))
            if let units = category["unit"] as? [String: Any] {
                dimension.isContent = true
                dimension.units = codes.map { code in
                    let unit = units[code] as? [String: Any]
                    return (unit?["label"] as? String ?? unit?["symbol"] as? String).map { [language: $0] } ?? [:]
                }
                dimension.lastUpdated = codes.map { _ in nil }
            }
            cube.dimensions.append(dimension)
        }
        cube.cellCount = sizes.reduce(1, *)
        let status = dataset["status"]
        func statusOf(_ index: Int) -> String? {
            if let text = status as? String { return text }
            if let list = status as? [Any] { return index < list.count ? list[index] as? String : nil }
            if let map = status as? [String: Any] { return map[String(index)] as? String }
            return nil
        }
        func cell(_ raw: Any?, _ index: Int) -> CubeCell {
            if let number = raw as? NSNumber, !(raw is Bool) { return CubeCell(value: number.doubleValue, symbol: statusOf(index)) }
            return CubeCell(value: nil, symbol: statusOf(index) ?? "..")
        }
        let wanted = query(cube).map { $0.indices(sizes: sizes) } ?? []
        var missing = 0
        if let values = dataset["value"] as? [Any] {
            guard values.count == cube.cellCount else {
                log.emit(.statisticsCellCount, at: cube.origin,
                         arguments: ["\(values.count)", "\(cube.cellCount)", zip(ids, sizes).map { "\($0) \($1)" }.joined(separator: " × ")])
                cube.diagnostics = log.diagnostics
                cube.damaged = true
                return cube
            }
            missing = values.reduce(0) { $0 + (($1 as? NSNumber) == nil || $1 is NSNull ? 1 : 0) }
            for index in wanted { cube.cells[index] = cell(values[index], index) }
        } else if let sparse = dataset["value"] as? [String: Any] {
            missing = cube.cellCount - sparse.values.filter { $0 is NSNumber }.count
            for index in wanted { cube.cells[index] = cell(sparse[String(index)], index) }
        } else {
            return broken("\"value\" is missing")
        }
        cube.missingCount = missing
        cube.diagnostics = log.diagnostics
        return cube
    }

    /// The 1-based line of the first occurrence of `needle` in the document.
    static func line(of needle: String, in data: Data) -> Int? {
        guard let range = data.range(of: Data(needle.utf8)) else { return nil }
        return data[data.startIndex..<range.lowerBound].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
    }

    /// The line a JSON parser error points at: "… line 3, column 7" in its description, else its
    /// byte offset, else line 1.
    static func line(in description: String, error: NSError, data: Data) -> Int {
        if let match = description.range(of: #"line [0-9]+"#, options: .regularExpression),
           let number = Int(description[match].dropFirst(5)) {
            return max(number, 1)
        }
        if let offset = error.userInfo["NSJSONSerializationErrorIndex"] as? Int, offset <= data.count {
            return data.prefix(offset).reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        }
        return 1
    }
}

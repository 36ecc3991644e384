import Foundation

/// Reads a long table of values: THL Sotkanet's `;`-separated export (`Indikaattori;Alue;Vuosi;
/// Sukupuoli;Arvo`, a decimal comma in older exports) or a coordinator's own CSV or workbook of
/// year → value. The columns named in the indicator's selection become the table's dimensions,
/// the year column its time; the value column holds numbers as Finns write them (`1 234,5`).
struct LongTableReader {
    let file: String
    let limits: InputLimits
    let language: ReportLanguage

    static let valueNames = ["arvo", "value", "luku", "lukumäärä", "värde", "tieto"]

    /// - Parameters:
    ///   - columns: the code columns to keep as dimensions (the selection's keys), in order.
    ///   - timeColumn, valueColumn: nil finds them by their usual names.
    ///   - sheet: for a workbook, the sheet name (nil: the first).
    ///   - everyCodeColumn: read every column other than the time and value columns (or the
    ///     period columns of a wide table) as a dimension, as `tilanne inspect` lists them.
    ///   - visit: when given, called with every cell instead of keeping them (a summary of a whole
    ///     table); a cell whose codes and period came earlier is skipped with a finding.
    func read(_ url: URL, columns: [String], timeColumn: String?, valueColumn: String?, sheet: String?,
              everyCodeColumn: Bool = false, visit: ((CubeCell) -> Void)? = nil) -> StatisticalCube {
        var log = DiagnosticLog()
        var cube = StatisticalCube(file: file, format: .table, language: language.rawValue, languages: [language.rawValue],
                                   title: [:], dimensions: [], units: [:], lastUpdated: nil, source: [:], cells: [:],
                                   cellCount: 0, missingCount: 0, diagnostics: [])
        var origin = cube.origin
        let records: [RawRecord]
        if SourceFormat.of(fileName: url.lastPathComponent) == .xlsx {
            do {
                let workbook = try WorkbookReader(url: url, limits: limits, language: language)
                guard let chosen = sheet.map({ name in workbook.sheets.first { $0.name == name } }) ?? workbook.sheets.first else {
                    log.emit(.statisticsSheetNotFound, at: origin,
                             arguments: [sheet ?? "1", workbook.sheets.map { "\"\($0.name)\"" }.joined(separator: ", ")])
                    cube.diagnostics = log.diagnostics
                    cube.damaged = true
                    return cube
                }
                origin.sheet = chosen.name
                cube.sheet = chosen.name
                records = try workbook.read(chosen).records
            } catch {
                log.emit(.statisticsUnreadable, at: origin, arguments: ["\(error)"])
                cube.diagnostics = log.diagnostics
                cube.damaged = true
                return cube
            }
        } else {
            guard let data = try? Data(contentsOf: url) else {
                log.emit(.statisticsUnreadable, at: origin, with: [.phrase(.cannotOpenFile)])
                cube.diagnostics = log.diagnostics
                cube.damaged = true
                return cube
            }
            records = CSVParser.parse(data, encoding: .auto, delimiter: nil).0.records.map { RawRecord(row: $0.number, cells: $0.fields) }
        }
        cube.sheet = origin.sheet
        // The header: the first row naming a time and a value column (title rows may come first).
        func find(_ name: String?, defaults: [String], in cells: [String]) -> Int? {
            let keys = cells.map(TextNormaliser.comparisonKey)
            if let name { return keys.firstIndex(of: TextNormaliser.comparisonKey(name)) }
            return defaults.lazy.compactMap { keys.firstIndex(of: TextNormaliser.comparisonKey($0)) }.first
        }
        // A wide table has a column per year (`Alue;2019;2020;…`) instead of a year and a value column.
        func periodColumns(_ cells: [String]) -> [Int] {
            cells.indices.filter { IndicatorNormaliser.year(of: cells[$0].trimmingCharacters(in: .whitespaces)) != nil
                && cells[$0].trimmingCharacters(in: .whitespaces).count <= 7 }
        }
        guard let headerIndex = records.firstIndex(where: {
            (find(timeColumn, defaults: CubeDimension.timeNameList, in: $0.cells) != nil && find(valueColumn, defaults: Self.valueNames, in: $0.cells) != nil)
                || (valueColumn == nil && periodColumns($0.cells).count >= 2)
        }) else {
            // Not an error of the run: the indicator is shown without data. The first row with
            // text is where a header was looked for; its columns are listed.
            let first = records.first { $0.cells.contains { !$0.allSatisfy(\.isWhitespace) } }
            let cells = first?.cells ?? []
            var lacking: [String] = []
            if find(timeColumn, defaults: CubeDimension.timeNameList, in: cells) == nil { lacking.append(timeColumn ?? CubeDimension.timeNameList[0]) }
            if find(valueColumn, defaults: Self.valueNames, in: cells) == nil { lacking.append(valueColumn ?? Self.valueNames[0]) }
            let wanted = lacking.map { "\"\($0)\"" }.joined(separator: " / ")
            let found = cells.filter { !$0.allSatisfy(\.isWhitespace) }.map { "\"\($0)\"" }.joined(separator: ", ")
            log.emit(.statisticsHeaderNotFound, at: origin.at(row: first?.row), arguments: [wanted, found.isEmpty ? "–" : found])
            cube.diagnostics = log.diagnostics
            cube.damaged = true
            return cube
        }
        let header = records[headerIndex].cells
        let longTime = find(timeColumn, defaults: CubeDimension.timeNameList, in: header)
        let longValue = find(valueColumn, defaults: Self.valueNames, in: header)
        let wide = longTime == nil || longValue == nil
        let periods = wide ? periodColumns(header) : []
        var dimensionColumns: [Int] = []
        if everyCodeColumn {
            let taken = Set(periods + [longTime, longValue].compactMap { $0 })
            dimensionColumns = header.indices.filter { !taken.contains($0) && !header[$0].allSatisfy(\.isWhitespace) }
        }
        for column in everyCodeColumn ? [] : columns {
            guard let index = find(column, defaults: [], in: header) else {
                log.emit(.indicatorVariableNotFound, at: origin.at(row: records[headerIndex].row),
                         arguments: [column, header.filter { !$0.isEmpty }.map { "\"\($0)\"" }.joined(separator: ", ")])
                cube.diagnostics = log.diagnostics
                cube.damaged = true
                return cube
            }
            dimensionColumns.append(index)
        }
        // The time dimension last; in a wide table its codes are the period headers.
        let width = dimensionColumns.count + 1
        var codes: [[String]] = Array(repeating: [], count: width)
        var positions: [[String: Int]] = Array(repeating: [:], count: width)
        if wide {
            codes[width - 1] = periods.map { header[$0].trimmingCharacters(in: .whitespaces) }
            for (position, code) in codes[width - 1].enumerated() { positions[width - 1][code] = position }
        }
        // Flat arrays: a large table is millions of cells.
        var keys: [Int32] = []
        var cells: [CubeCell] = []
        var rows: [Int32] = []
        func code(_ dimension: Int, _ raw: String) -> Int32 {
            let text = raw.utf8.first == 0x20 || raw.utf8.last == 0x20 ? raw.trimmingCharacters(in: .whitespaces) : raw
            if let known = positions[dimension][text] { return Int32(known) }
            positions[dimension][text] = codes[dimension].count
            codes[dimension].append(text)
            return Int32(codes[dimension].count - 1)
        }
        // In a summary, the first row of each cell's codes (a wide table's row holds each period
        // once, so its codes without the period are enough), so that a cell is counted once.
        var firstOfKey: [[Int32]: Int32] = [:]
        var duplicates = DuplicateRows()
        func add(_ raw: String, row: Int, column: Int, key: ArraySlice<Int32>) {
            let cell = StatisticsNumber.cell(raw)
            if let visit {
                visit(cell)
                if cell.value == nil { cube.missingCount += 1 }
                return
            }
            if cell.value == nil, let symbol = cell.symbol, !PXNumber.knownSymbols.contains(symbol), !symbol.isEmpty {
                let named = key.enumerated().map { "\(codes[$0.offset].isEmpty ? "?" : codes[$0.offset][Int($0.element)])" }.joined(separator: ", ")
                log.emit(.statisticsBadValue, at: origin.at(row: row, column: column + 1, columnName: header[column]),
                         arguments: [symbol, named])
            }
            keys.append(contentsOf: key)
            cells.append(cell)
            rows.append(Int32(row))
        }
        for record in records[(headerIndex + 1)...] {
            let values = record.cells
            if values.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) { continue }
            var key = dimensionColumns.enumerated().map { code($0.offset, $0.element < values.count ? values[$0.element] : "") }
            if visit != nil {
                let summaryKey = wide ? key : key + [code(width - 1, longTime! < values.count ? values[longTime!] : "")]
                if let earlier = firstOfKey[summaryKey] {
                    duplicates.report(row: record.row, earlier: Int(earlier), origin: origin, log: &log)
                    continue
                }
                firstOfKey[summaryKey] = Int32(record.row)
            }
            if wide {
                key.append(0)
                for (position, column) in periods.enumerated() {
                    key[width - 1] = Int32(position)
                    add(column < values.count ? values[column] : "", row: record.row, column: column, key: key[...])
                }
            } else {
                key.append(code(width - 1, longTime! < values.count ? values[longTime!] : ""))
                add(longValue! < values.count ? values[longValue!] : "", row: record.row, column: longValue!, key: key[...])
            }
        }
        for (position, column) in dimensionColumns.enumerated() {
            let name = header[column]
            cube.dimensions.append(CubeDimension(name: name, names: [language.rawValue: name], code: name, codes: codes[position],
                                                 labels: [language.rawValue: codes[position]], isTime: false, isContent: false))
        }
        let timeName = wide ? (timeColumn ?? ReportStrings(language: language).year) : header[longTime!]
        cube.dimensions.append(CubeDimension(name: timeName, names: [language.rawValue: timeName], code: timeName, codes: codes[width - 1],
                                             labels: [language.rawValue: codes[width - 1]], isTime: true, isContent: false))
        cube.cellCount = codes.map(\.count).reduce(1, *)
        if visit != nil {
            duplicates.finish(origin: origin, log: &log)
            cube.diagnostics = log.diagnostics
            return cube
        }
        var firstRow: [Int: Int32] = [:]
        firstRow.reserveCapacity(cells.count)
        for (entry, cell) in cells.enumerated() {
            let index = cube.index(of: keys[(entry * width)..<((entry + 1) * width)].map { Int($0) })
            if let earlier = firstRow[index] {
                duplicates.report(row: Int(rows[entry]), earlier: Int(earlier), origin: origin, log: &log)
                continue
            }
            firstRow[index] = rows[entry]
            cube.cells[index] = cell
            if cell.value == nil { cube.missingCount += 1 }
        }
        cube.missingCount += cube.cellCount - firstRow.count
        duplicates.finish(origin: origin, log: &log)
        cube.diagnostics = log.diagnostics
        return cube
    }
}

/// Repeated rows of a statistics table: the first ones each located, the rest counted in one
/// finding. A table of 80,000 copies of one row is one problem to its coordinator, and 80,000
/// findings cost the run seconds and the checks list its readability.
struct DuplicateRows {
    /// Rows located one by one before the rest are only counted.
    static let located = 20
    private(set) var count = 0

    mutating func report(row: Int, earlier: Int, origin: SourceLocation, log: inout DiagnosticLog) {
        count += 1
        if count <= Self.located { log.emit(.statisticsDuplicateCell, at: origin.at(row: row), arguments: ["\(earlier)"]) }
    }

    func finish(origin: SourceLocation, log: inout DiagnosticLog) {
        guard count > Self.located else { return }
        log.emit(.statisticsDuplicateCellsMore, at: origin, with: [.count(count - Self.located)])
    }
}

/// Numbers as Finnish statistics and spreadsheets write them: `1 234,5`, `7,8`, `-3.2`, `12 %`;
/// the missing-value symbols (`..`, `-`, an empty cell) stay missing.
enum StatisticsNumber {
    static func cell(_ raw: String) -> CubeCell {
        // Most cells are plain numbers (`1234`, `7,8`, `-3.2`): read their bytes directly; a
        // table of millions of cells spends its time here (see docs/decisions/0004).
        var plain = !raw.isEmpty
        for byte in raw.utf8 where !((byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ".")
                                     || byte == UInt8(ascii: "-")) {
            plain = false
            break
        }
        if plain, let value = PXNumber.parse(Array(raw.utf8)) { return CubeCell(value: value) }
        return slowCell(raw)
    }

    private static func slowCell(_ raw: String) -> CubeCell {
        var text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasSuffix("%") { text = String(text.dropLast()).trimmingCharacters(in: .whitespaces) }
        if text.isEmpty || PXNumber.knownSymbols.contains(text) { return CubeCell(value: nil, symbol: text.isEmpty ? nil : text) }
        let compact = text.unicodeScalars.filter { $0 != " " && $0 != "\u{00A0}" && $0 != "\u{202F}" && $0 != "'" }
            .map { $0 == "\u{2212}" ? "-" : Character($0) }
        let normalised = String(compact).replacingOccurrences(of: ",", with: ".")
        if normalised.filter({ $0 == "." }).count <= 1, let value = Double(normalised), value.isFinite {
            return CubeCell(value: value)
        }
        return CubeCell(value: nil, symbol: text)
    }
}

import Foundation

/// What `tilanne inspect` shows of a statistics file: its variables and codes (to write an
/// indicator's `select:`; for a table every code column), how many cells it has and how many are
/// missing, and their sum as a check figure. A PX file is streamed: the cells are counted, never
/// all kept. The counts add up: `cells` = `values` + `missing`, where a table's missing cells
/// include the combinations of codes and periods it has no row for.
public struct StatisticsInspection: Sendable {
    public var cube: StatisticalCube
    public var cells: Int
    public var values: Int
    public var missing: Int
    public var sum: Double

    public static func inspect(_ url: URL, format: StatisticalCube.Format? = nil, columns: [String] = [], config: TilanneConfig?) -> StatisticsInspection {
        let language = config?.language ?? .fi
        let shown = config.map { DisplayPath.of(url, root: $0.projectRoot) } ?? url.path
        var values = 0
        var missing = 0
        // Neumaier's compensated sum: the check figure must not depend on the order of the cells.
        var sum = 0.0
        var compensation = 0.0
        func add(_ value: Double) {
            let total = sum + value
            compensation += abs(sum) >= abs(value) ? (sum - total) + value : (value - total) + sum
            sum = total
            values += 1
        }
        let cube: StatisticalCube
        switch format ?? IndicatorSource.format(of: url.path) {
        case .px:
            cube = PXReader(file: shown).read(url, query: { _ in nil }) { _, cell in
                if let value = cell.value { add(value) } else { missing += 1 }
            }
            // A damaged DATA holds more or fewer values than the variables need: the cells read.
            return StatisticsInspection(cube: cube, cells: values + missing, values: values, missing: missing, sum: sum + compensation)
        case .jsonstat:
            cube = JSONStatReader(file: shown).read(url) { .everything($0.dimensions.count) }
        case .table:
            cube = LongTableReader(file: shown, limits: config?.limits ?? .default, language: language)
                .read(url, columns: columns, timeColumn: nil, valueColumn: nil, sheet: nil, everyCodeColumn: columns.isEmpty) { cell in
                    if let value = cell.value { add(value) }
                }
            return StatisticsInspection(cube: cube, cells: cube.cellCount, values: values, missing: cube.cellCount - values,
                                        sum: sum + compensation)
        }
        for cell in cube.cells.values {
            if let value = cell.value { add(value) }
        }
        missing = cube.cellCount - values
        return StatisticsInspection(cube: cube, cells: cube.cellCount, values: values, missing: missing, sum: sum + compensation)
    }
}

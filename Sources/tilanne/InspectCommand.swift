import ArgumentParser
import Foundation
import TilanneCore

/// `tilanne inspect FILE`: what Tilanne reads from a statistics file, to write an indicator's
/// `select:` (variable names and codes) and to check a download before the nightly run.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show the variables, codes and value counts of a statistics file (PX, JSON-stat, CSV or XLSX)."
    )

    @Argument(help: ArgumentHelp("The statistics file.", valueName: "file"))
    var file: String

    @Option(help: "px, jsonstat or table; default from the file name.")
    var format: String?

    @Option(name: .customLong("column"), help: ArgumentHelp("For a long table: a code column to read as a variable (repeatable).", valueName: "name"))
    var columns: [String] = []

    func validate() throws {
        if let format, StatisticalCube.Format(rawValue: format) == nil {
            throw ValidationError("--format must be px, jsonstat or table.")
        }
    }

    func run() throws {
        let console = Console(quiet: false, verbose: true)
        try ExitCodes.guarding(console) {
            let url = URL(fileURLWithPath: file)
            let inspection = StatisticsInspection.inspect(url, format: format.flatMap(StatisticalCube.Format.init), columns: columns,
                                                          config: nil)
            let cube = inspection.cube
            var lines: [String] = ["\(cube.file): \(cube.format.rawValue)"]
            if let title = cube.title[cube.language] { lines.append("  \(title)") }
            for dimension in cube.dimensions {
                let role = dimension.isTime ? " (time)" : dimension.isContent ? " (content)" : ""
                let names = dimension.names.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
                lines.append("  \(dimension.name)\(role), \(dimension.codes.count) values [\(names)]")
                for (index, code) in dimension.codes.prefix(8).enumerated() {
                    let label = dimension.label(index, language: cube.language)
                    // A content's own unit, as the indicator would show it.
                    let unit = index < dimension.units.count ? dimension.units[index][cube.language] : nil
                    lines.append("    \(code)\(label == code ? "" : "  \(label)")\(unit.map { $0.isEmpty ? "" : "  [\($0)]" } ?? "")")
                }
                if dimension.codes.count > 8 { lines.append("    … \(dimension.codes.count - 8) more") }
            }
            lines.append("  cells \(inspection.cells), values \(inspection.values), missing \(inspection.missing), sum \(String(format: "%.2f", inspection.sum))")
            print(lines.joined(separator: "\n"))
            console.diagnostics(cube.diagnostics, language: .fi)
            return ExitCodes.status(for: cube.diagnostics)
        }
    }
}

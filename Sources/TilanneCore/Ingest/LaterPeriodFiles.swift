import Foundation

/// A file of a later period beside a source whose path names its period
/// (`../Input/tilanne-{period}.csv` with `tilanne-2-2024.csv` there while the run is for
/// 1/2024): the coordinators have moved on and the configuration has not. Each is a finding,
/// and a run with one never skips as "unchanged", so it is said every night until the period
/// is opened.
public enum LaterPeriodFiles {
    /// How many periods ahead are looked for.
    static let horizon = 8

    public static func find(in config: TilanneConfig) -> [(file: URL, period: ReportingPeriod)] {
        var found: [(file: URL, period: ReportingPeriod)] = []
        for template in Set(config.sources.compactMap(\.pathTemplate)) {
            var period = config.period
            for _ in 0..<horizon {
                period = period.next
                let url = config.resolve(period.fill(template, fileName: true))
                if FileManager.default.fileExists(atPath: url.path) { found.append((url, period)) }
            }
        }
        return found.sorted { $0.period < $1.period }
    }

    static func findings(in config: TilanneConfig) -> [Diagnostic] {
        find(in: config).map { later in
            Diagnostic(code: .sourceLaterPeriod, location: SourceLocation(file: DisplayPath.of(later.file, root: config.projectRoot)),
                       arguments: [.text(later.period.label), .text(config.period.label)])
        }
    }
}

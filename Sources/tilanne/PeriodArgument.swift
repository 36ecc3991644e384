import Foundation
import TilanneCore

/// A period given on the command line: only in the programme's own period format (`2025/2` is
/// refused, not stored), else the configuration's period.
enum PeriodArgument {
    static func parse(_ given: String?, config: TilanneConfig, key: String) throws -> ReportingPeriod {
        guard let given else { return config.period }
        guard let period = config.period.format.parse(given) else {
            let pattern = config.period.format.pattern
            throw ConfigError(file: config.file?.path ?? "", line: nil, keyPath: key, problem: ReportStrings(language: config.language).pick(
                "\"\(given)\" ei ole kausi ohjelman muodossa \"\(pattern)\"",
                "\"\(given)\" är ingen period i programmets format \"\(pattern)\"",
                "\"\(given)\" is not a period in the programme's format \"\(pattern)\""))
        }
        return period
    }
}

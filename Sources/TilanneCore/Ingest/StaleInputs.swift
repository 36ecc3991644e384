import Foundation

/// Source files not saved for longer than the configured age (`validation.input_max_age`, a
/// source's `max_age`): a table nobody has updated is reported as if it were current, so the
/// run says how old it is. The age is the file's modification time, the only date every
/// format has.
public enum StaleInputs {
    public struct Stale: Sendable, Hashable {
        public var file: URL
        /// How old the file is, in the limit's unit, rounded down.
        public var age: AgeLimit
        public var limit: AgeLimit
        /// The key that set the limit, as the configuration writes it.
        public var key: String
    }

    public static func find(in config: TilanneConfig, now: Date) -> [Stale] {
        var found: [Stale] = []
        for source in config.sources {
            let (limit, key) = source.maxAge.map { ($0, "max_age") } ?? (config.validation.inputMaxAge, "validation.input_max_age")
            guard let limit else { continue }
            for file in SourceFiles.expand(config.resolve(source.path)) {
                guard let modified = (try? FileManager.default.attributesOfItem(atPath: file.path))?[.modificationDate] as? Date else { continue }
                let seconds = now.timeIntervalSince(modified)
                guard seconds > limit.seconds else { continue }
                let age = AgeLimit(amount: Int(seconds / limit.unit.secondsInterval), unit: limit.unit)
                found.append(Stale(file: file, age: age, limit: limit, key: key))
            }
        }
        return found
    }

    static func findings(in config: TilanneConfig, now: Date) -> [Diagnostic] {
        find(in: config, now: now).map { stale in
            Diagnostic(code: .sourceStaleInput, location: SourceLocation(file: DisplayPath.of(stale.file, root: config.projectRoot)),
                       arguments: [.text(stale.file.lastPathComponent), .duration(stale.age), .duration(stale.limit), .text(stale.key)])
        }
    }
}

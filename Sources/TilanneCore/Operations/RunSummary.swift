import Crypto
import Foundation

/// What one run did, for the people who look after the server: written as JSON after every
/// run (`last-run.json`) and as one line appended to the run log, success or failure.
public struct RunSummary: Codable, Sendable {
    public struct FileRecord: Codable, Sendable, Equatable {
        public var path: String
        public var bytes: Int
        public var sha256: String
    }

    public struct Findings: Codable, Sendable {
        public var bySeverity: [String: Int]
        public var byCode: [String: Int]
        /// The most serious findings (errors first, then warnings; at most `shown`), each as the
        /// console prints it, in the run's language: what the alert mail quotes.
        public var first: [String]?

        public static let shown = 20
    }

    public var tool = RunFingerprint.toolVersion
    public var command: String
    public var config: String
    public var period: String?
    public var started: String
    public var finished: String?
    public var seconds: Double?
    /// published, unchanged, invalid-input, failed, locked, frozen, refused
    public var outcome: String?
    public var exitCode: Int32?
    public var problem: String?
    public var inputs: [FileRecord] = []
    public var rows: RowAccounting?
    /// Who has answered the period's requests, when `requests.answers` is configured.
    public var answers: AnswerStatus?
    public var findings: Findings?
    public var outputs: [FileRecord] = []
    /// With a history: `draft` (the period is open, or changed since it was published) or
    /// `council` (the published edition).
    public var edition: String?
    /// `tilanne publish`: the archive folder of the publication.
    public var archive: String?
    /// Each steering group's files and mail.
    public var deliveries: [GroupDelivery.Result]?
    /// The last run that ended well, this one or an earlier one (see `carryLastSuccess`).
    public var lastSuccess: LastSuccess?

    public init(command: String, config: String, started: String) {
        self.command = command
        self.config = config
        self.started = started
    }

    public mutating func record(inputsOf config: TilanneConfig) {
        // The indicators' statistics files count as inputs: a new download changes the report.
        let indicatorFiles = config.indicators.flatMap(\.sources).map { config.resolve($0.path) }
            .filter { FileManager.default.fileExists(atPath: $0.path) }
        // Returned request workbooks too: an answer dropped in changes the report.
        let answerFiles = AnswerRound(config: config).files()
        inputs = (config.sources.flatMap { SourceFiles.expand(config.resolve($0.path)) } + indicatorFiles + answerFiles).map(Self.file)
    }

    public mutating func record(_ programme: ValidatedProgramme, language: ReportLanguage) {
        rows = programme.accounting
        answers = programme.answers
        var bySeverity: [String: Int] = [:]
        var byCode: [String: Int] = [:]
        for diagnostic in programme.diagnostics {
            bySeverity[diagnostic.severity.rawValue, default: 0] += 1
            byCode[diagnostic.code.rawValue, default: 0] += 1
        }
        let catalogue = MessageCatalogue(language: language)
        let serious = programme.diagnostics.filter { $0.severity >= .warning }.enumerated()
            .sorted { ($0.element.severity, -$0.offset) > ($1.element.severity, -$1.offset) }.prefix(Findings.shown).map(\.element)
        let first = serious.map { finding in
            (finding.location.map { $0.compact + ": " } ?? "") + "\(catalogue.severityName(finding.severity)) [\(finding.code.rawValue)] "
                + catalogue.message(finding)
        }
        findings = Findings(bySeverity: bySeverity, byCode: byCode, first: first.isEmpty ? nil : first)
    }

    public mutating func record(outputs urls: [URL]) {
        outputs = urls.map(Self.file)
    }

    /// Size and SHA-256, read in 1 MiB chunks: the reports can be tens of megabytes and the
    /// summary must not add them to the run's peak memory.
    public static func file(_ url: URL) -> FileRecord {
        if let known = WrittenFileRecords.record(of: url) { return known }
        var hasher = SHA256()
        var bytes = 0
        if let handle = try? FileHandle(forReadingFrom: url) {
            defer { try? handle.close() }
            while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                hasher.update(data: chunk)
                bytes += chunk.count
            }
        }
        return FileRecord(path: url.path, bytes: bytes, sha256: HexDigits.of(hasher.finalize()))
    }

    /// The log line: time, command, period, exit code, outcome and counts, `key=value` words.
    public var logLine: String {
        var words = [finished ?? started, command, "exit=\(exitCode ?? -1)", "outcome=\(outcome ?? "?")"]
        if let period { words.append("period=\(period)") }
        if let rows { words += ["rows=\(rows.rowsIn)", "reported=\(rows.reported)", "rejected=\(rows.rejected)"] }
        if let findings {
            words += ["errors=\(findings.bySeverity["error"] ?? 0)", "warnings=\(findings.bySeverity["warning"] ?? 0)"]
        }
        if let seconds { words.append(String(format: "seconds=%.2f", seconds)) }
        if let problem { words.append("problem=\"\(problem.replacingOccurrences(of: "\"", with: "'").replacingOccurrences(of: "\n", with: " "))\"") }
        return words.joined(separator: " ")
    }

    /// Writes the JSON (atomically) and appends the log line. Problems writing them are
    /// returned, not thrown: the run's own result must not change because its log could not.
    public func write(json: URL?, log: URL) -> String? {
        do {
            if let json {
                try FileManager.default.createDirectory(at: json.deletingLastPathComponent(), withIntermediateDirectories: true)
                try StableJSON.encode(self).write(to: json, options: .atomic)
            }
            try FileManager.default.createDirectory(at: log.deletingLastPathComponent(), withIntermediateDirectories: true)
            // Appended without following a link: the log may be in the output folder.
            let descriptor = open(log.path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                throw OutputError(path: log.path, problem: errno == ELOOP ? "a symbolic link; not followed" : String(cString: strerror(errno)))
            }
            let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
            defer { try? handle.close() }
            try SafeFile.requireRegular(descriptor, path: log.path)
            try handle.write(contentsOf: Data((logLine + "\n").utf8))
            return nil
        } catch let error as OutputError {
            return "cannot write the run summary or log: \(error)"
        } catch {
            return "cannot write the run summary or log: \(error.localizedDescription)"
        }
    }
}

extension TilanneConfig {
    /// Where the run summary and the run log go: `operations.summary`/`operations.log`, else
    /// beside the history (the state folder), else in the output folder.
    public var summaryFile: URL {
        operations.summaryFile.map(resolve) ?? operationsFolder.appendingPathComponent("last-run.json")
    }

    public var logFile: URL {
        operations.logFile.map(resolve) ?? operationsFolder.appendingPathComponent("tilanne-runs.log")
    }

    /// The Prometheus textfile-collector file (`operations.metrics`), when configured.
    public var metricsFile: URL? {
        operations.metricsFile.map(resolve)
    }

    private var operationsFolder: URL { resolve(history?.stateFolder ?? outputs.folder) }
}

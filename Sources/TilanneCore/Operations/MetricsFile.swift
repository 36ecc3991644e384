import Foundation

/// The run as Prometheus metrics, for node exporter's textfile collector: one file rewritten
/// after every `run`, whatever its outcome, so an alert can fire on a night that failed, or on
/// nights that stopped coming (`time() - tilanne_last_success_timestamp_seconds`).
///
/// Every series carries one label, `config` (the configuration file's path): it is known even
/// when the configuration cannot be loaded, never changes with the period, and keeps two
/// installations on one server apart. The period, programme and outcome, which do change, are
/// labels of `tilanne_run_info` only, so the series alerts are written on stay the same series.
public struct MetricsFile: Sendable {
    public var summary: RunSummary
    /// The configuration file's path, the `config` label.
    public var configPath: String
    public var programme: String?
    /// The last success of the previous metrics file, used when the summary knows none (the
    /// summary file could not be read).
    public var previousSuccess: Double?

    public init(summary: RunSummary, configPath: String, programme: String?, previousSuccess: Double? = nil) {
        self.summary = summary
        self.configPath = configPath
        self.programme = programme
        self.previousSuccess = previousSuccess
    }

    /// The file's text, in the Prometheus text exposition format (version 0.0.4).
    public var text: String {
        var lines: [String] = []
        func gauge(_ name: String, _ help: String, _ samples: [([(String, String)], Double)]) {
            guard !samples.isEmpty else { return }
            lines.append("# HELP \(name) \(help)")
            lines.append("# TYPE \(name) gauge")
            for (labels, value) in samples {
                let all = [("config", configPath)] + labels
                let rendered = all.map { "\($0.0)=\"\(Self.escaped($0.1))\"" }.joined(separator: ",")
                lines.append("\(name){\(rendered)} \(Self.number(value))")
            }
        }
        let ended = Timestamp.parse(summary.finished ?? summary.started)
        gauge("tilanne_last_run_timestamp_seconds", "When the last run ended, Unix time.",
              ended.map { [([], $0.timeIntervalSince1970.rounded())] } ?? [])
        let success = summary.lastSuccess.flatMap { Timestamp.parse($0.finished) }.map { $0.timeIntervalSince1970.rounded() } ?? previousSuccess
        gauge("tilanne_last_success_timestamp_seconds", "When the last run that published or found nothing changed (exit 0 or 1) ended, Unix time.",
              success.map { [([], $0)] } ?? [])
        gauge("tilanne_last_exit_code", "Exit code of the last run (docs/exit-codes.md).",
              summary.exitCode.map { [([], Double($0))] } ?? [])
        if let rows = summary.rows {
            gauge("tilanne_rows", "Rows of the last run's input, by what became of them.",
                  [([("state", "reported")], Double(rows.reported)), ([("state", "rejected")], Double(rows.rejected))])
        }
        if let findings = summary.findings {
            gauge("tilanne_findings", "Findings of the last run, by severity.",
                  ["error", "warning", "info"].map { ([("severity", $0)], Double(findings.bySeverity[$0] ?? 0)) })
        }
        let failures = summary.deliveries?.filter { $0.outcome == .failed }.count ?? 0
        gauge("tilanne_delivery_failures", "Steering groups whose mail failed in the last run.", [([], Double(failures))])
        var info = [("command", summary.command), ("outcome", summary.outcome ?? "")]
        if let period = summary.period { info.append(("period", period)) }
        if let programme { info.append(("programme", programme)) }
        gauge("tilanne_run_info", "The last run's period, programme and outcome, as labels; the value is always 1.", [(info, 1)])
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes the file atomically: a new file beside it, synced, then renamed over it, so the
    /// collector never reads half a file. The temporary name does not end in `.prom`, which the
    /// collector ignores. Problems are returned, not thrown (as for the run summary).
    public func write(to url: URL) -> String? {
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            unlink(temporary.path)
            try SafeFile.writeNew(Data(text.utf8), to: temporary.path)
            guard rename(temporary.path, url.path) == 0 else {
                let problem = String(cString: strerror(errno))
                unlink(temporary.path)
                throw OutputError(path: url.path, problem: problem)
            }
            return nil
        } catch let error as OutputError {
            return "cannot write the metrics file: \(error)"
        } catch {
            return "cannot write the metrics file: \(error.localizedDescription)"
        }
    }

    /// `tilanne_last_success_timestamp_seconds` as an earlier file says it; nil when none.
    public static func lastSuccess(in url: URL) -> Double? {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("tilanne_last_success_timestamp_seconds") {
            if let value = line.split(separator: " ").last.flatMap({ Double($0) }) { return value }
        }
        return nil
    }

    /// A label value as the format wants it: backslash, double quote and line feed escaped.
    static func escaped(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}

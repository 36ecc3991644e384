import Foundation

/// What `tilanne status` reports: whether the nights are working and how old the report's data
/// are. Read from the two places a run leaves its trace, the run summary (`last-run.json`, which
/// carries the last successful run) and the history database (the last published run, the
/// periods); the inputs' ages from the files themselves. Reading never changes either.
public struct RunStatus: Codable, Sendable {
    /// The latest run, whatever its outcome, as the run summary says.
    public struct LatestRun: Codable, Sendable {
        public var command: String
        public var finished: String?
        public var period: String?
        public var exitCode: Int32?
        public var outcome: String?
    }

    public struct InputFile: Codable, Sendable {
        public var path: String
        public var modified: String
        public var ageSeconds: Int
    }

    public var config: String
    public var checkedAt: String
    public var latestRun: LatestRun?
    public var lastSuccess: LastSuccess?
    public var lastSuccessAgeSeconds: Int?
    /// The end of the last run that published the reports: how old the data in them are.
    public var dataPublished: String?
    public var dataAgeSeconds: Int?
    public var newestInput: InputFile?
    public var oldestInput: InputFile?
    public var inputFiles: Int
    public var frozenPeriods: [FrozenPeriodInfo]
    /// Periods with runs and not frozen, and the configured period when it is not frozen; newest first.
    public var openPeriods: [String]
    /// Of those, the ones published (`tilanne publish`) and not yet frozen, with the time.
    public var publishedPeriods: [String: String] = [:]
    public var maxAgeSeconds: Int?
    /// Past `maxAgeSeconds` since the last successful run, or none ever: the exit code says so.
    public var stale: Bool

    public static func gather(config: TilanneConfig, maxAge: Int?, now: Date = Date()) throws(HistoryError) -> RunStatus {
        func age(_ text: String?) -> Int? {
            text.flatMap(Timestamp.parse).map { max(0, Int(now.timeIntervalSince($0).rounded())) }
        }
        let summary = (try? Data(contentsOf: config.summaryFile)).flatMap { try? JSONDecoder().decode(RunSummary.self, from: $0) }
        var lastSuccess = summary?.lastSuccess
        if lastSuccess == nil, let summary, summary.succeeded, let finished = summary.finished, let code = summary.exitCode {
            lastSuccess = LastSuccess(finished: finished, period: summary.period, exitCode: code, outcome: summary.outcome ?? "published")
        }
        var frozen: [FrozenPeriodInfo] = []
        var runPeriods: [String] = []
        var published: [String: String] = [:]
        var dataPublished = summary?.lastSuccess?.outcome == "published" ? summary?.lastSuccess?.finished : nil
        if let history = config.history {
            let database = config.resolve(history.stateFolder).appendingPathComponent(HistoryConfig.databaseName)
            // No database yet is a history with nothing in it, not an error: status creates nothing.
            if SafeFile.status(database.path) != nil {
                let store = try HistoryStore(url: database, readOnly: true)
                frozen = try store.frozenPeriods()
                for label in Set(try store.runPeriods().map(\.period) + [config.period.label]) {
                    if let period = config.period.format.parse(label), let publication = try store.status(of: period).publication {
                        published[label] = publication.publishedAt
                    }
                }
                runPeriods = try store.runPeriods().map(\.period)
                let published = try store.lastRunThatWroteReports()
                dataPublished = published?.finishedAt
                // A summary lost or from before it carried the last success: the history's last
                // good run stands in (its exit code from its counts: warnings make it 1).
                if lastSuccess == nil, let run = try store.runs(limit: 50).first(where: { $0.outcome != .deliveryFailed }) {
                    lastSuccess = LastSuccess(finished: run.finishedAt, period: run.period, exitCode: run.warnings + run.errors > 0 ? 1 : 0,
                                              outcome: run.outcome.rawValue)
                }
            }
        }
        let frozenLabels = Set(frozen.map(\.label))
        var open = runPeriods.filter { !frozenLabels.contains($0) }
        if !frozenLabels.contains(config.period.label), !open.contains(config.period.label) { open.insert(config.period.label, at: 0) }
        let inputs = inputFiles(config).compactMap { url -> InputFile? in
            guard let modified = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date else { return nil }
            return InputFile(path: url.path, modified: Timestamp.string(from: modified), ageSeconds: max(0, Int(now.timeIntervalSince(modified).rounded())))
        }
        let successAge = age(lastSuccess?.finished)
        return RunStatus(
            config: config.file?.path ?? config.baseDirectory.path, checkedAt: Timestamp.string(from: now),
            latestRun: summary.map { LatestRun(command: $0.command, finished: $0.finished, period: $0.period, exitCode: $0.exitCode, outcome: $0.outcome) },
            lastSuccess: lastSuccess, lastSuccessAgeSeconds: successAge,
            dataPublished: dataPublished, dataAgeSeconds: age(dataPublished),
            newestInput: inputs.min { $0.ageSeconds < $1.ageSeconds }, oldestInput: inputs.max { $0.ageSeconds < $1.ageSeconds },
            inputFiles: inputs.count, frozenPeriods: frozen, openPeriods: open,
            publishedPeriods: published.filter { label, _ in !frozen.contains { $0.label == label } }, maxAgeSeconds: maxAge,
            stale: maxAge.map { limit in successAge.map { $0 > limit } ?? true } ?? false)
    }

    /// The files a run reads: the sources (patterns expanded) and the indicators' statistics.
    private static func inputFiles(_ config: TilanneConfig) -> [URL] {
        config.sources.flatMap { SourceFiles.expand(config.resolve($0.path)) } + config.indicators.flatMap(\.sources).map { config.resolve($0.path) }
    }
}

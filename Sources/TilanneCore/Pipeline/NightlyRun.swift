import Foundation

/// One `tilanne run` from start to end, in the order that keeps it safe unattended: the lock,
/// completing a publish a killed run left half done, the skip when nothing changed, the stages,
/// publishing, the steering groups, and the history record. The command prints what comes back;
/// `summary` holds what the run did even when it throws, for the run summary and the log.
public final class NightlyRun {
    public struct Options: Sendable {
        /// nil: the configured formats.
        public var formats: [OutputFormat]?
        /// Write the reports even when nothing changed.
        public var force = false
        /// Mail every group even when its report did not change; works alone, even when nothing
        /// changed since the last run.
        public var resend = false
        /// With `resend`: only these groups (by name); empty: every group.
        public var resendGroups: [String] = []
        /// Mail nothing; say what would be sent.
        public var dryRun = false
        /// Also write the report model as JSON here.
        public var dumpModel: URL?

        public init() {}
    }

    public enum Outcome {
        /// Inputs and configuration as in the last published run (at `since`): reports kept.
        case unchanged(since: String)
        /// Findings at or above the policy's threshold: nothing published.
        case invalidInput(ValidatedProgramme)
        case published(ValidatedProgramme, files: [URL], deliveries: [GroupDelivery.Result])
    }

    public let config: TilanneConfig
    public private(set) var summary: RunSummary
    /// Seconds per stage, for `--timings` and `make bench`.
    public private(set) var timings: [(stage: String, seconds: Double)] = []
    private var lapStart = DispatchTime.now()

    public init(config: TilanneConfig, summary: RunSummary) {
        self.config = config
        self.summary = summary
        self.summary.config = config.file?.path ?? summary.config
        self.summary.period = config.period.label
        self.summary.record(inputsOf: config)
    }

    /// - Parameter checked: called with the findings once they are all known, before anything is
    ///   written, so they are printed even when publishing then fails.
    public func execute(_ options: Options, checked: (ValidatedProgramme) -> Void) throws -> Outcome {
        let started = Timestamp.now()
        let pipeline = Pipeline(config: config)
        let lock = try RunLock(folder: pipeline.outputFolder)
        defer { lock.release() }
        try ReportPublisher.recover(pipeline.outputFolder)
        let store = try pipeline.openHistory()
        // A forgotten period bump must not overwrite the frozen period's published reports.
        if let store, let frozen = try store.frozenPeriods().first(where: { config.period.format.parse($0.label) == config.period }) {
            throw PeriodIsFrozen(period: config.period.label, frozenAt: frozen.frozenAt)
        }
        let now = Date()
        let sourceFolder = SourceFolderFindings.of(config, now: now)
        let fingerprint = store == nil ? "" : RunFingerprint.of(config, inputs: summary.inputs, sourceFolder: sourceFolder)
        if let store, !options.force, !options.resend, options.dumpModel == nil, sourceFolder.isEmpty,
           let last = try store.lastPublishedRun(),
           last.fingerprint == fingerprint,
           pipeline.outputsExist(formats: options.formats, history: true, previousPeriod: try store.previousPeriod(before: config.period) != nil) {
            var record = last
            record.id = nil
            (record.startedAt, record.finishedAt, record.outcome) = (started, Timestamp.now(), .unchanged)
            try store.record(record, rows: [])
            return .unchanged(since: last.finishedAt)
        }
        lap("fingerprint")
        var programme = pipeline.check(now: now)
        summary.record(programme, language: config.language)
        lap("check")
        let history = try store.map { store throws(HistoryError) in try pipeline.compare(programme, store: store) }
        if let history {
            programme.diagnostics += history.diagnostics
            summary.record(programme, language: config.language)
        }
        lap("compare")
        let model = pipeline.report(from: programme, history: history)
        lap("aggregate")
        // The policy speaks once, over the findings of every stage and of every edition.
        let report = pipeline.judge(model)
        programme.diagnostics = report.findings
        summary.record(programme, language: config.language)
        lap("judge")
        checked(programme)
        if let dumpModel = options.dumpModel {
            do {
                try report.main.jsonData().write(to: dumpModel, options: .atomic)
            } catch {
                throw OutputError(path: dumpModel.path, problem: error.localizedDescription)
            }
        }
        if report.failsPolicy { return .invalidInput(programme) }
        try FaultInjection.unexpectedErrorIfAsked()
        // What can be known to fail after publishing is checked before it: the state folder's
        // free space and the history's write lock. A run that stops here has published nothing.
        if let store {
            try PublishChecks.freeSpace(in: [store.url.deletingLastPathComponent().path], previous: [store.url])
            try store.checkWritable()
        }
        let written = try pipeline.publish(report, formats: options.formats)
        summary.record(outputs: written)
        lap("publish")
        // From here on the reports are out: whatever fails is reported as having failed after
        // publishing (exit 9, or 8 for mail), never as if nothing had been written.
        // Steering groups: their files, then their mail. A failed delivery is recorded as such,
        // so that the next run does not skip as "unchanged" and the mail is tried again.
        var deliveries: [GroupDelivery.Result] = []
        var deliveryFailure: Sendmail.Failure?
        if !config.groups.isEmpty {
            do {
                deliveries = try GroupDelivery(config: config, store: store).run(report.main, dryRun: options.dryRun,
                                                                                resend: options.resend ? Set(options.resendGroups) : nil)
                summary.deliveries = deliveries
            } catch {
                throw PublishedThenFailed(step: .groups, published: written, underlying: error)
            }
            let failed = deliveries.filter { $0.outcome == .failed }
            if !failed.isEmpty {
                deliveryFailure = Sendmail.Failure(command: config.delivery?.sendmail.first ?? "sendmail",
                                                   problem: failed.map { "\($0.group): \($0.problem ?? "")" }.joined(separator: "; "))
            }
            lap("deliver")
        }
        // A dry run mails nothing and so records nothing: the next real run is not "unchanged".
        if let store, let history, !options.dryRun {
            let counts = Dictionary(grouping: programme.diagnostics, by: \.severity).mapValues(\.count)
            do {
                try store.record(RunRecord(id: nil, startedAt: started, finishedAt: Timestamp.now(), period: config.period.label,
                                           fingerprint: fingerprint, outcome: deliveryFailure == nil ? .published : .deliveryFailed,
                                           actions: programme.actions.count, rejected: programme.rejected.count,
                                           warnings: counts[.warning] ?? 0, errors: counts[.error] ?? 0), rows: history.rows)
            } catch {
                throw PublishedThenFailed(step: .history, published: written, underlying: error)
            }
            lap("record")
        }
        if let deliveryFailure { throw deliveryFailure }
        return .published(programme, files: written, deliveries: deliveries)
    }

    private func lap(_ stage: String) {
        let now = DispatchTime.now()
        timings.append((stage, Double(now.uptimeNanoseconds - lapStart.uptimeNanoseconds) / 1e9))
        lapStart = now
    }
}

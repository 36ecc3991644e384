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
        /// `tilanne publish`: the council edition. Never a draft and never skipped as unchanged;
        /// its files are archived and recorded as the period's publication, which is what
        /// `tilanne freeze` later freezes.
        public var publish = false

        public init() {}
    }

    public enum Outcome {
        /// Inputs and configuration as in the last published run (at `since`): reports kept.
        case unchanged(since: String)
        /// Findings at or above the policy's threshold: nothing published. The programme's
        /// findings and row accounting; its actions may have been moved into the report.
        case invalidInput(ValidatedProgramme)
        /// The programme's findings and row accounting; its actions are in the report written
        /// (moved into the aggregate stage or released before publishing, except by `publish`,
        /// which archives them).
        case published(ValidatedProgramme, files: [URL], deliveries: [GroupDelivery.Result])
    }

    public let config: TilanneConfig
    public private(set) var summary: RunSummary
    /// Whether the reports written are drafts: the period is open, or its inputs changed since
    /// it was published. Without a history there is no lifecycle and no draft.
    public private(set) var draft = false
    /// Whether the period had been published when the run began (its drafts then say the
    /// inputs changed since).
    public private(set) var periodWasPublished = false
    /// What `publish` recorded.
    public private(set) var publication: Publication?
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
        let store = options.publish ? try pipeline.requireHistory(for: .publishing) : try pipeline.openHistory()
        // A forgotten period bump must not overwrite the frozen period's published reports.
        let status = try store?.status(of: config.period)
        if let status, status.state == .frozen {
            throw PeriodIsFrozen(period: config.period, frozenAt: status.frozenAt ?? "")
        }
        let now = Date()
        let sourceFolder = SourceFolderFindings.of(config, now: now)
        let fingerprint = store == nil ? "" : RunFingerprint.of(config, inputs: summary.inputs, sourceFolder: sourceFolder)
        // Whether the edition is the published one depends on the inputs alone: a finding that
        // comes with time (an input grown old) does not make the council edition a draft.
        let inputsFingerprint = store == nil ? "" : RunFingerprint.of(config, inputs: summary.inputs)
        periodWasPublished = status?.state == .published
        draft = store != nil && !options.publish && !(status?.state == .published && status?.publication?.fingerprint == inputsFingerprint)
        summary.edition = store == nil ? nil : draft ? "draft" : "council"
        if let store, !options.force, !options.publish, !options.resend, options.dumpModel == nil, sourceFolder.isEmpty,
           let last = try store.lastPublishedRun(),
           last.fingerprint == fingerprint,
           pipeline.outputsExist(formats: options.formats, history: true, previousPeriod: try store.previousPeriod(before: config.period) != nil) {
            var record = last
            record.id = nil
            (record.startedAt, record.finishedAt, record.outcome) = (started, Timestamp.now(), .unchanged)
            try store.record(record, rows: [])
            if let keep = config.operations.keepRuns { try store.prune(keeping: keep) }
            return .unchanged(since: last.finishedAt)
        }
        lap("fingerprint")
        var programme = pipeline.check(now: now, sourceFolder: sourceFolder)
        summary.record(programme, language: config.language)
        lap("check")
        let history = try store.map { store throws(HistoryError) in try pipeline.compare(programme, store: store) }
        if let history {
            programme.diagnostics += history.diagnostics
            summary.record(programme, language: config.language)
        }
        lap("compare")
        // The report holds the actions once it is made. Unless this run archives the council
        // edition or writes the coordinator's master tables (both read the checked rows), the
        // rows are moved into the aggregate stage, which lets each chunk go as it makes its
        // reports: one copy of every row less from here on (about 200 MiB at 1,000,000 actions).
        let actionCount = programme.actions.count
        let keepsActions = options.publish || config.requests?.answers != nil
        var model = keepsActions ? pipeline.report(from: programme, history: history)
                                 : pipeline.report(from: programme.movingActions(), history: history)
        model.draft = draft
        model.reportDate = ReportDates.day(now)
        model.dataDate = ReportDates.newest(summary.inputs.map(\.path))
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
        // The coordinator's master first: a run that cannot write it has published nothing.
        let masters = try pipeline.publishMasters(programme, model: report.main)
        // Kept for the master tables, the rows are let go before the files are written unless
        // this run archives them.
        if !options.publish { programme.actions = [] }
        let written = try pipeline.publish(report, formats: options.formats)
        summary.record(outputs: written + masters)
        lap("publish")
        // From here on the reports are out: whatever fails is reported as having failed after
        // publishing (exit 9, or 8 for mail), never as if nothing had been written.
        // Steering groups: their files, then their mail. A failed delivery is recorded as such,
        // so that the next run does not skip as "unchanged" and the mail is tried again.
        // A night that writes the published edition again (nothing changed since `publish`, but
        // the last attempt failed) is that publication's occasion: the recipients it reached
        // already have it, the ones it did not are tried again — never silently left out.
        var deliveries: [GroupDelivery.Result] = []
        var deliveryFailure: Sendmail.Failure?
        if !config.groups.isEmpty {
            do {
                let lineages = Dictionary(history?.rows.map { ($0.identity, $0.lineage) } ?? [], uniquingKeysWith: { first, _ in first })
                deliveries = try GroupDelivery(config: config, store: store, lineages: lineages).run(report.main, dryRun: options.dryRun,
                                                                                resend: options.resend ? Set(options.resendGroups) : nil,
                                                                                occasion: options.publish || !draft && periodWasPublished ? .publish : .change)
                summary.deliveries = deliveries
                // Every file the run wrote is in the summary with its size and hash, the groups' too.
                summary.record(outputs: written + masters + GroupDelivery.files(of: deliveries))
            } catch {
                throw PublishedThenFailed(step: .groups, published: written, underlying: error)
            }
            deliveryFailure = GroupDelivery.failure(of: deliveries, config: config)
            lap("deliver")
        }
        if options.publish, let store {
            do {
                try archive(written + GroupDelivery.files(of: deliveries), programme: programme,
                            fingerprint: inputsFingerprint, store: store, pipeline: pipeline)
            } catch {
                throw PublishedThenFailed(step: .archive, published: written, underlying: error)
            }
            lap("archive")
        }
        // A dry run mails nothing and so records nothing: the next real run is not "unchanged".
        if let store, let history, !options.dryRun {
            let counts = Dictionary(grouping: programme.diagnostics, by: \.severity).mapValues(\.count)
            do {
                try store.record(RunRecord(id: nil, startedAt: started, finishedAt: Timestamp.now(), period: config.period.label,
                                           fingerprint: fingerprint, outcome: deliveryFailure == nil ? .published : .deliveryFailed,
                                           actions: actionCount, rejected: programme.rejected.count,
                                           warnings: counts[.warning] ?? 0, errors: counts[.error] ?? 0), rows: history.rows)
                // Pruned only once this run is recorded: the run it keeps as the last published is then this one.
                if let keep = config.operations.keepRuns { try store.prune(keeping: keep) }
            } catch {
                throw PublishedThenFailed(step: .history, published: written, underlying: error)
            }
            lap("record")
        }
        if let deliveryFailure { throw deliveryFailure }
        return .published(programme, files: written, deliveries: deliveries)
    }

    /// Copies the council edition into the archive and records it as the period's publication,
    /// with the rows `freeze` will store.
    private func archive(_ files: [URL], programme: ValidatedProgramme, fingerprint: String, store: HistoryStore,
                         pipeline: Pipeline) throws {
        let archive = PublicationArchive(outputFolder: pipeline.outputFolder, archiveFolder: config.outputs.archiveFolder,
                                         period: config.period)
        let records = try archive.store(files)
        summary.archive = archive.folder.path
        let rows = try pipeline.frozenRows(programme, period: config.period, store: store)
        let time = Timestamp.now()
        let id = try store.recordPublication(period: config.period, at: time, fingerprint: fingerprint,
                                             inputs: PublicationInputs.of(config, inputs: summary.inputs), archive: archive.folder.path,
                                             files: records, rows: rows)
        publication = Publication(id: id, label: config.period.label, publishedAt: time, fingerprint: fingerprint,
                                  inputs: PublicationInputs.of(config, inputs: summary.inputs), archive: archive.folder.path,
                                  actions: rows.count, files: records)
    }

    private func lap(_ stage: String) {
        let now = DispatchTime.now()
        timings.append((stage, Double(now.uptimeNanoseconds - lapStart.uptimeNanoseconds) / 1e9))
        lapStart = now
    }
}

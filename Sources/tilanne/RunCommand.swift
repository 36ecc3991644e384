import ArgumentParser
import Foundation
import TilanneCore

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Read the tables, check them, compare with the previous frozen period and write the reports.",
        discussion: """
        With a history in the config, a run whose inputs and configuration are the same as the
        last published run's leaves the reports as they are (use --force to write them anyway).
        """
    )

    @OptionGroup var options: CommonOptions

    @Option(help: ArgumentHelp("Write the report model as JSON to this file as well.", valueName: "file"))
    var dumpModel: String?

    @Option(name: .customLong("format"), help: ArgumentHelp("Write only this format (xlsx, csv, html); repeat for several.", valueName: "format"))
    var formats: [String] = []

    @Flag(help: "Write the reports even when nothing changed since the last published run.")
    var force = false

    @Flag(help: "Print how long each stage took (to standard error).")
    var timings = false

    @Flag(help: "Write the reports and each steering group's files, but mail nothing: show what would be sent to whom.")
    var dryRun = false

    @Flag(help: "Mail every steering group again, even those whose report did not change since it was last sent.")
    var resend = false

    func validate() throws {
        for format in formats where OutputFormat(rawValue: format) == nil {
            throw ValidationError("Unknown format \"\(format)\"; use xlsx, csv, html or pdf.")
        }
    }

    func run() throws {
        let console = Console(quiet: options.quiet, verbose: options.verbose)
        var clock = StageClock(enabled: timings)
        let journal = RunJournal(command: "run", configPath: options.config)
        try ExitCodes.guarding(console, journal: journal) {
            let started = StageClock.timestamp()
            let config = try ConfigLoader.load(from: URL(fileURLWithPath: options.config))
            journal.config = config
            journal.summary.config = config.file?.path ?? options.config
            journal.summary.period = config.period
            journal.summary.record(inputsOf: config)
            let pipeline = Pipeline(config: config)
            let lock = try RunLock(folder: pipeline.outputFolder)
            defer { lock.release() }
            // First of all, a set of reports a killed run left half renamed is completed.
            try ReportPublisher.recover(pipeline.outputFolder)
            let chosen = formats.isEmpty ? nil : formats.compactMap(OutputFormat.init(rawValue:))
            let store = try pipeline.openHistory()
            let fingerprint = store == nil ? "" : pipeline.fingerprint
            if let store, !force, dumpModel == nil, let last = try store.lastPublishedRun(),
               last.fingerprint == fingerprint, pipeline.outputsExist(formats: chosen) {
                try store.record(RunRecord(id: nil, startedAt: started, finishedAt: StageClock.timestamp(), period: config.period,
                                           fingerprint: fingerprint, outcome: .unchanged, actions: last.actions,
                                           rejected: last.rejected, warnings: last.warnings, errors: last.errors), rows: [])
                console.notice(ConsoleText.unchanged(last.finishedAt, config.language))
                journal.outcome = "unchanged"
                return .success
            }
            clock.lap("fingerprint")
            var programme = pipeline.check()
            journal.summary.record(programme)
            clock.lap("check")
            let history = try store.map { store throws(HistoryError) in try pipeline.compare(programme, store: store) }
            if let history {
                programme.diagnostics += history.diagnostics
                journal.summary.record(programme)
            }
            clock.lap("compare")
            let model = pipeline.report(from: programme, history: history)
            clock.lap("aggregate")
            let failed = pipeline.failsPolicy(programme.diagnostics)
            console.diagnostics(programme.diagnostics, language: config.language)
            if let dumpModel {
                do {
                    try model.jsonData().write(to: URL(fileURLWithPath: dumpModel), options: .atomic)
                } catch {
                    throw OutputError(path: dumpModel, problem: error.localizedDescription)
                }
            }
            if failed {
                console.accounting(programme.accounting, language: config.language, force: true)
                console.failure(ConsoleText.notPublished(config.language))
                return .invalidInput
            }
            let written = try pipeline.publish(model, formats: chosen)
            clock.lap("publish")
            journal.summary.record(outputs: written)
            for url in written { console.detail(ConsoleText.wrote(url.path, config.language)) }
            // Steering groups: their files, then their mail. A failed delivery is recorded as such,
            // so that the next run does not skip as "unchanged" and the mail is tried again.
            var deliveryFailure: Sendmail.Failure?
            if !config.groups.isEmpty {
                do {
                    let results = try GroupDelivery(config: config, store: store).run(model, dryRun: dryRun, force: resend)
                    journal.summary.deliveries = results
                    for result in results { console.delivery(result, dryRun: dryRun, language: config.language) }
                } catch let failure as Sendmail.Failure {
                    deliveryFailure = failure
                }
                clock.lap("deliver")
            }
            if let store, let history {
                let counts = Dictionary(grouping: programme.diagnostics, by: \.severity).mapValues(\.count)
                try store.record(RunRecord(id: nil, startedAt: started, finishedAt: StageClock.timestamp(), period: config.period,
                                           fingerprint: fingerprint, outcome: deliveryFailure == nil ? .published : .deliveryFailed,
                                           actions: programme.actions.count, rejected: programme.rejected.count,
                                           warnings: counts[.warning] ?? 0, errors: counts[.error] ?? 0), rows: history.rows)
                clock.lap("record")
            }
            if let deliveryFailure { throw deliveryFailure }
            console.accounting(programme.accounting, language: config.language, force: false)
            clock.report()
            return ExitCodes.status(for: programme.diagnostics)
        }
    }
}

/// Stage durations for `--timings` (what `make bench` reads).
struct StageClock {
    let enabled: Bool
    private var last = DispatchTime.now()
    private var laps: [(String, Double)] = []

    init(enabled: Bool) { self.enabled = enabled }

    mutating func lap(_ stage: String) {
        let now = DispatchTime.now()
        laps.append((stage, Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9))
        last = now
    }

    func report() {
        guard enabled else { return }
        let text = laps.map { "\($0.0) \(String(format: "%.3f", $0.1))" }.joined(separator: ", ")
        FileHandle.standardError.write(Data("timings: \(text)\n".utf8))
    }

    /// Local time with its offset, as `tilanne history` lists runs.
    static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = .current
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }
}

import ArgumentParser
import Foundation
import TilanneCore

struct FreezeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "freeze",
        abstract: "Freeze what was published for a period (the report the council saw) as the base later periods compare with.",
        discussion: """
        Freezes the period's last publication (`tilanne publish`), exactly the rows it reported,
        not the inputs as they are now. For the configuration's own period, the inputs must be
        the ones the publication was made from: if any file or the configuration changed since,
        nothing is frozen and the changes are listed (exit 11). A period never published is
        refused (exit 11). A frozen period is never changed by later runs; freezing it again is
        refused (exit 6) unless --force is given. `tilanne unfreeze` undoes a wrong freeze.
        """
    )

    @OptionGroup var options: CommonOptions

    @Option(help: ArgumentHelp("The period to freeze, e.g. 1/2024 (default: the config's period).", valueName: "period"))
    var period: String?

    @Flag(help: "Replace a period that is already frozen (with its latest publication).")
    var force = false

    func run() throws {
        try JournalledCommand.run("freeze", options: options) { config, console, journal in
            journal.summary.record(inputsOf: config)
            let pipeline = Pipeline(config: config)
            let lock = try RunLock(folder: pipeline.outputFolder)
            defer { lock.release() }
            let store = try pipeline.requireHistory(for: .freezing)
            let frozen = try PeriodArgument.parse(period, config: config, key: "--period")
            journal.summary.period = frozen.label
            let status = try store.status(of: frozen)
            if status.state == .frozen, !force {
                console.failure(ConsoleText.alreadyFrozen(frozen.label, status.frozenAt ?? "", config.language))
                journal.outcome = "refused"
                return .periodAlreadyFrozen
            }
            guard let publication = status.publication else { throw LifecycleRefusal.notPublished(period: frozen.label) }
            // What was published is frozen only while it is still what the inputs say: an edit
            // made after the council meeting must not slip into the snapshot unseen.
            if frozen == config.period {
                let changes = publication.inputs.changes(to: PublicationInputs.of(config, inputs: journal.summary.inputs))
                if !changes.isEmpty {
                    throw LifecycleRefusal.inputsChanged(period: frozen.label, publishedAt: publication.publishedAt, changes: changes)
                }
            } else {
                console.notice(LifecycleText.inputsNotCompared(frozen.label, current: config.period.label, config.language))
            }
            let rows = try store.publicationRows(publication.id)
            let replaced: Bool
            do {
                replaced = try store.freeze(frozen, rows: rows, fingerprint: publication.fingerprint, at: Timestamp.now(), force: force)
            } catch let error as PeriodAlreadyFrozen {
                throw error
            } catch {
                throw HistoryError(path: store.url.path, problem: "\(error)")
            }
            console.notice(ConsoleText.frozen(frozen.label, rows.count, replaced: replaced, config.language))
            console.detail(LifecycleText.frozenFrom(publication, config.language))
            journal.outcome = "frozen"
            // The period is frozen whatever the mail does; a failed mail is exit 8 and the alert.
            if frozen == config.period {
                let deliveries = try pipeline.mailFrozenPeriod(store: store)
                if !deliveries.isEmpty { journal.summary.deliveries = deliveries }
                for result in deliveries { console.delivery(result, dryRun: false, language: config.language) }
                if let failure = GroupDelivery.failure(of: deliveries, config: config) { throw failure }
            }
            return .success
        }
    }
}

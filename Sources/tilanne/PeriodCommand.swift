import ArgumentParser
import Foundation
import TilanneCore

struct PeriodCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "period",
        abstract: "Start a reporting period.",
        subcommands: [OpenPeriodCommand.self]
    )
}

struct OpenPeriodCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open the next reporting period: sets period: in the configuration (one edit).",
        discussion: """
        Everything else follows from {period} templates (file names, titles, the status column,
        source paths). The label must be in the programme's period format and after the current
        period; the current period should be frozen first (else refused, exit 11, unless
        --force). Lists the source files the new period reads and whether they are there yet.
        """
    )

    @OptionGroup var options: CommonOptions

    @Argument(help: ArgumentHelp("The period to open, e.g. 2/2024.", valueName: "period"))
    var label: String

    @Flag(help: "Open it even though the current period is not frozen.")
    var force = false

    func run() throws {
        try JournalledCommand.run("period-open", options: options) { config, console, journal in
            let file = URL(fileURLWithPath: options.config)
            let next = try PeriodArgument.parse(label, config: config, key: "period")
            journal.summary.period = next.label
            guard next.sortKey > config.period.sortKey else {
                throw LifecycleRefusal.notLater(label: next.label, current: config.period.label)
            }
            let pipeline = Pipeline(config: config)
            let lock = try RunLock(folder: pipeline.outputFolder)
            defer { lock.release() }
            let store = try pipeline.openHistory()
            if let store, !force {
                let state = try store.status(of: config.period).state
                if state != .frozen { throw LifecycleRefusal.currentNotFrozen(period: config.period.label, state: state) }
            }
            let opened = try PeriodConfigEdit.open(next, in: file)
            try store?.recordEvent(PeriodEvent(label: next.label, kind: .opened, at: Timestamp.now(), detail: "after \(config.period.label)"))
            console.notice(LifecycleText.opened(next.label, previous: config.period.label, file: file.path, config.language))
            for source in opened.sources {
                for path in SourceFiles.expand(opened.resolve(source.path)).map(\.path).nilIfEmpty ?? [opened.resolve(source.path).path] {
                    console.notice(LifecycleText.source(path, exists: FileManager.default.fileExists(atPath: path), config.language))
                }
            }
            journal.outcome = "opened"
            return .success
        }
    }
}

private extension Array {
    var nilIfEmpty: Self? { isEmpty ? nil : self }
}

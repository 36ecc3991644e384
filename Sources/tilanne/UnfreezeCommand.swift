import ArgumentParser
import Foundation
import TilanneCore

struct UnfreezeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unfreeze",
        abstract: "Undo a wrong freeze: the period's snapshot is removed and the period is published again.",
        discussion: """
        Asks for the period label as confirmation (or give --yes). The undone freeze is recorded
        in the history with the reason and who did it; the publication and its archive stay, so
        the period can be frozen again with `tilanne freeze`. Refused while a later period is
        frozen, since that period was compared with this one.
        """
    )

    @OptionGroup var options: CommonOptions

    @Option(help: ArgumentHelp("The frozen period to undo, e.g. 1/2024.", valueName: "period"))
    var period: String

    @Option(help: ArgumentHelp("Why the freeze is undone; recorded in the history.", valueName: "text"))
    var reason: String = ""

    @Flag(help: "Do not ask for confirmation (for scripts).")
    var yes = false

    func run() throws {
        try JournalledCommand.run("unfreeze", options: options) { config, console, journal in
            let pipeline = Pipeline(config: config)
            let lock = try RunLock(folder: pipeline.outputFolder)
            defer { lock.release() }
            let store = try pipeline.requireHistory(for: .unfreezing)
            let target = try PeriodArgument.parse(period, config: config, key: "--period")
            journal.summary.period = target.label
            guard try store.status(of: target).state == .frozen else { throw LifecycleRefusal.notFrozen(period: target.label) }
            if !yes {
                // A person at a terminal types the label; a script without --yes is refused.
                guard isatty(STDIN_FILENO) == 1 else { throw LifecycleRefusal.notConfirmed(period: target.label) }
                FileHandle.standardError.write(Data(LifecycleText.confirmUnfreeze(target.label, config.language).utf8))
                guard readLine(strippingNewline: true)?.trimmingCharacters(in: .whitespaces) == target.label else {
                    throw LifecycleRefusal.notConfirmed(period: target.label)
                }
            }
            let who = ProcessInfo.processInfo.environment["SUDO_USER"] ?? ProcessInfo.processInfo.environment["USER"] ?? "?"
            let detail = [reason.isEmpty ? nil : reason, "user \(who)"].compactMap { $0 }.joined(separator: "; ")
            let undone = try store.unfreeze(target, reason: detail, at: Timestamp.now())
            console.notice(LifecycleText.unfrozen(undone, config.language))
            journal.outcome = "unfrozen"
            return .success
        }
    }
}

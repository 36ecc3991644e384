import ArgumentParser

/// `tilanne`: builds the council status report of a strategy or vitality programme.
@main
struct Tilanne: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tilanne",
        abstract: "Builds the status report (Tilanne) of a city programme as XLSX, CSV and HTML.",
        discussion: """
        Put the status tables in Input/, describe them in Config/tilanne.yml and run
        `tilanne run`. The reports appear in Output/. `tilanne validate` only checks the
        tables and lists what needs fixing, with file, row and column.

        With a history, nightly runs write drafts; `tilanne publish` makes the council
        edition and archives it, `tilanne freeze` freezes what was published (later reports
        list what changed since it), `tilanne period open` starts the next period.
        `tilanne history` lists periods and runs, `tilanne status` the last success.
        `tilanne status --max-age 26h` says whether the nightly runs are working (for
        monitoring); `tilanne backup DIR` copies the history database while runs go on.

        Exit codes: 0 done, 1 done with warnings, 2 the input data failed validation
        (no report written), 3 the configuration is wrong, 4 a report could not be
        written, 5 the history database cannot be used, 6 the period is already frozen,
        7 another run is in progress, 8 the reports were written but mailing failed,
        9 published then a later step failed, 10 the period is frozen, 11 refused by the
        period's state (e.g. freezing what was not published), 12 (status) the last
        successful run is too old, 64 the command line is wrong. See docs/exit-codes.md.
        """,
        subcommands: [RunCommand.self, ValidateCommand.self, PublishCommand.self, FreezeCommand.self, UnfreezeCommand.self,
                      PeriodCommand.self, HistoryCommand.self, StatusCommand.self, BackupCommand.self, ScheduleCommand.self,
                      InspectCommand.self, RequestsCommand.self],
        defaultSubcommand: nil
    )

    static func main() {
        AllocatorSettings.apply()
        main(nil)
    }
}

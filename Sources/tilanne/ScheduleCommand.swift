import ArgumentParser
import Foundation
import TilanneCore

struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Print a crontab line and a systemd service and timer that run this configuration every night."
    )

    @OptionGroup var options: CommonOptions

    @Option(help: ArgumentHelp("Time of the nightly run, HH:MM.", valueName: "time"))
    var at = "02:30"

    @Option(help: ArgumentHelp("Also write tilanne.service and tilanne.timer into this folder.", valueName: "folder"))
    var write: String?

    @Option(help: ArgumentHelp("The account the systemd service runs as (User=); the folders it writes must be its own.", valueName: "name"))
    var user: String?

    func validate() throws {
        if let user, user.isEmpty || !user.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_-.".contains($0)) }) {
            throw ValidationError("--user takes an account name (letters, digits, _ - .).")
        }
        let parts = at.split(separator: ":")
        guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]), (0...23).contains(hour), (0...59).contains(minute) else {
            throw ValidationError("--at takes a time as HH:MM, e.g. 02:30.")
        }
    }

    func run() throws {
        let console = Console(quiet: options.quiet, verbose: options.verbose, language: DeclaredLanguage.of(configAt: options.config))
        try ExitCodes.guarding(console) {
            let config = try ConfigLoader.load(from: URL(fileURLWithPath: options.config))
            // The path it was started by (e.g. .build/release/tilanne, which survives rebuilds),
            // made absolute; started from PATH, the executable itself.
            let arg0 = CommandLine.arguments[0]
            let executable = arg0.contains("/")
                ? URL(fileURLWithPath: arg0).standardizedFileURL.path
                : ((try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? arg0)
            let schedule = Schedule(executable: executable, config: config, time: at, user: user)
            print("# --- crontab (crontab -e) ---")
            print(schedule.crontab)
            print("\n# --- /etc/systemd/system/tilanne.service ---")
            print(schedule.service)
            print("# --- /etc/systemd/system/tilanne.timer ---")
            print(schedule.timer)
            print("# Install: systemctl daemon-reload && systemctl enable --now tilanne.timer")
            if let write {
                let folder = URL(fileURLWithPath: write)
                do {
                    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                    try schedule.service.write(to: folder.appendingPathComponent("tilanne.service"), atomically: true, encoding: .utf8)
                    try schedule.timer.write(to: folder.appendingPathComponent("tilanne.timer"), atomically: true, encoding: .utf8)
                    try (schedule.crontab + "\n").write(to: folder.appendingPathComponent("tilanne.crontab"), atomically: true, encoding: .utf8)
                } catch {
                    throw OutputError(path: folder.path, problem: error.localizedDescription)
                }
            }
            return .success
        }
    }
}

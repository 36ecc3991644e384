import Foundation

/// The crontab line and the systemd service and timer that run this configuration every night,
/// with absolute paths, `TZ=Europe/Helsinki` and the exit codes that mean success (0 done,
/// 1 done with warnings). Printed by `tilanne schedule`, installable as they are.
public struct Schedule: Sendable {
    public var executable: String
    public var config: TilanneConfig
    /// `HH:MM`, local time in `timeZone`.
    public var time: String
    public var timeZone: String
    public var unitName: String

    public init(executable: String, config: TilanneConfig, time: String, timeZone: String = "Europe/Helsinki", unitName: String = "tilanne") {
        self.executable = executable
        self.config = config
        self.time = time
        self.timeZone = timeZone
        self.unitName = unitName
    }

    private var configPath: String { (config.file ?? config.baseDirectory.appendingPathComponent("tilanne.yml")).path }
    private var projectFolder: String { config.projectRoot.path }
    private var hourMinute: (hour: Int, minute: Int) {
        let parts = time.split(separator: ":").compactMap { Int($0) }
        return (parts.first ?? 2, parts.count > 1 ? parts[1] : 30)
    }

    // No `flock` wrapper: Tilanne takes its own lock and, when another run holds it, exits 7
    // with a log line; a wrapper exiting 7 by itself would leave no trace in the run log.

    public var crontab: String {
        let (hour, minute) = hourMinute
        return """
        # Tilanne: \(config.programme.name), every night at \(time) (the cron daemon's time zone; set the
        # server to \(timeZone) or adjust). Quiet on success: cron mails only failures. Exit 1 means
        # "done, with warnings" and prints nothing with --quiet. Run log: \(config.logFile.path)
        \(minute) \(hour) * * * cd \(shellQuoted(projectFolder)) && TZ=\(timeZone) \(shellQuoted(executable)) run --quiet --config \(shellQuoted(configPath))
        """
    }

    public var service: String {
        """
        [Unit]
        Description=Tilanne: status report of \(config.programme.name)
        Documentation=file://\(projectFolder)/docs/operations.md

        [Service]
        Type=oneshot
        WorkingDirectory=\(projectFolder)
        Environment=TZ=\(timeZone)
        ExecStart=\(executable) run --quiet --config \(configPath)
        # 1 = done, with warnings (e.g. an unknown progress code in a coordinator's table).
        SuccessExitStatus=1
        # 7 = another run holds the lock: not a failure of this one.
        SuccessExitStatus=7
        Nice=10

        """
    }

    public var timer: String {
        let (hour, minute) = hourMinute
        return """
        [Unit]
        Description=Nightly Tilanne run (\(config.programme.name))

        [Timer]
        OnCalendar=*-*-* \(String(format: "%02d:%02d", hour, minute)):00 \(timeZone)
        Persistent=true
        Unit=\(unitName).service

        [Install]
        WantedBy=timers.target

        """
    }

    private func shellQuoted(_ text: String) -> String {
        text.allSatisfy { $0.isLetter || $0.isNumber || "/._-+:,=@".contains($0) } ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

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
    /// The account the service runs as (`User=`); nil: none is named, and the unit says so.
    public var user: String?

    public init(executable: String, config: TilanneConfig, time: String, timeZone: String = "Europe/Helsinki", unitName: String = "tilanne",
                user: String? = nil) {
        self.executable = executable
        self.config = config
        self.time = time
        self.timeZone = timeZone
        self.unitName = unitName
        self.user = user
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
        # Tilanne: \(config.programme.name), every night at \(time) \(timeZone) time. CRON_TZ sets the zone of
        # the schedule for cronie and busybox crond; Debian's cron ignores it and uses the server's zone
        # (timedatectl set-timezone \(timeZone)). TZ= below sets the zone of the times the run writes.
        # Quiet on success: cron mails only failures. Exit 1 means "done, with warnings" and prints
        # nothing with --quiet. Run log: \(config.logFile.path)
        CRON_TZ=\(timeZone)
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
        \(userLine)
        WorkingDirectory=\(projectFolder)
        Environment=TZ=\(timeZone)
        ExecStart=\(executable) run --quiet --config \(configPath)
        # 1 = done, with warnings (e.g. an unknown progress code in a coordinator's table).
        SuccessExitStatus=1
        # 7 = another run holds the lock: not a failure of this one.
        SuccessExitStatus=7
        Nice=10

        \(hardening.joined(separator: "\n"))

        """
    }

    private var userLine: String {
        user.map { "User=\($0)" } ?? "# No User= given (tilanne schedule --user NAME): the service would run as root."
    }

    /// The folders a run writes: the reports (and the groups' folders in them), the history's
    /// state folder, the run summary's, the run log's and the metrics file's. Everything else
    /// is read-only to the service.
    public var writablePaths: [String] {
        var folders = [config.resolve(config.outputs.folder).path]
        if let history = config.history { folders.append(config.resolve(history.stateFolder).path) }
        folders += [config.summaryFile, config.logFile].map { $0.deletingLastPathComponent().path }
        if let metrics = config.metricsFile { folders.append(metrics.deletingLastPathComponent().path) }
        var seen: Set<String> = []
        return folders.filter { seen.insert($0).inserted }
    }

    private var everyPath: [String] { [projectFolder, executable, configPath] + writablePaths }

    private func isUnder(_ roots: [String]) -> Bool {
        everyPath.contains { path in roots.contains { path == $0 || path.hasPrefix($0 + "/") } }
    }

    /// The sandbox: the service reads the system and writes only its own folders, gets no
    /// privileges and no devices, and may make only the system calls of an ordinary service.
    /// Each setting that could break a run is made to fit this configuration (see comments).
    var hardening: [String] {
        let pdf = config.outputs.formats.contains(.pdf) || config.groups.contains { $0.formats.contains(.pdf) }
        var lines = [
            "# Sandbox (docs/operations.md, \"Hardened service\"). The folders below must exist before the first start.",
            "ProtectSystem=strict",
            "ReadWritePaths=" + writablePaths.map(unitPath).joined(separator: " "),
        ]
        if isUnder(["/home", "/root", "/run/user"]) {
            lines += ["# The project lives under a home folder: readable, written only through ReadWritePaths.", "ProtectHome=read-only"]
        } else {
            lines.append("ProtectHome=yes")
        }
        if isUnder(["/tmp", "/var/tmp"]) {
            lines += ["# A folder of the run is under /tmp: a private /tmp would hide it from the run.", "PrivateTmp=no"]
        } else {
            lines.append("PrivateTmp=yes")
        }
        lines += [
            "NoNewPrivileges=yes",
            "PrivateDevices=yes",
            "CapabilityBoundingSet=",
            "AmbientCapabilities=",
            "ProtectKernelTunables=yes",
            "ProtectKernelModules=yes",
            "ProtectKernelLogs=yes",
            "ProtectControlGroups=yes",
            "ProtectClock=yes",
            "ProtectHostname=yes",
            "ProtectProc=invisible",
            "PrivateMounts=yes",
            "RestrictRealtime=yes",
            "RestrictSUIDSGID=yes",
            "LockPersonality=yes",
            "RemoveIPC=yes",
            "KeyringMode=private",
            "SystemCallArchitectures=native",
            "SystemCallFilter=@system-service",
            "SystemCallFilter=~@privileged",
            "SystemCallErrorNumber=EPERM",
        ]
        if config.delivery != nil {
            lines += ["# sendmail or msmtp reaches the mail server (a smarthost) over the network; AF_UNIX for a local one.",
                      "RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6"]
        } else {
            lines += ["# Nothing is mailed: no network at all.", "RestrictAddressFamilies=AF_UNIX", "PrivateNetwork=yes", "IPAddressDeny=any"]
        }
        if pdf {
            lines.append("# PDF: Chromium's JavaScript engine writes executable memory and LibreOffice uses namespaces; they stay allowed.")
        } else {
            lines += ["MemoryDenyWriteExecute=yes", "RestrictNamespaces=yes"]
        }
        return lines
    }

    /// A path in a unit file: spaces and backslashes escaped as systemd reads them.
    private func unitPath(_ path: String) -> String {
        path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: " ", with: "\\x20")
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

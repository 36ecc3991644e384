import Foundation
import Testing
@testable import TilanneCore

/// The generated systemd service: who it runs as and what its sandbox lets it do.
@Suite("The systemd unit: a hardened service")
struct ServiceUnitTests {
    private func parse(_ text: String) throws -> TilanneConfig {
        try ConfigLoader.parse(text, file: "tilanne.yml", baseDirectory: TestSupport.repositoryRoot.appendingPathComponent("Config"))
    }

    private var shipped: String {
        get throws { try String(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("Config/tilanne.yml"), encoding: .utf8) }
    }


    /// The shipped config as if installed in `root`, with the given operations section.
    private func installed(at root: String, operations: String = "") throws -> TilanneConfig {
        var config = try parse(try shipped.replacingOccurrences(of: "validation:\n", with: operations + "validation:\n"))
        config.baseDirectory = URL(fileURLWithPath: root).appendingPathComponent("Config")
        config.file = config.baseDirectory.appendingPathComponent("tilanne.yml")
        return config
    }

    private func settings(_ unit: String) -> [String] {
        unit.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") }
    }

    @Test("The service runs as the named user in a sandbox that can write only its own folders")
    func hardenedService() throws {
        let config = try installed(at: "/srv/tilanne", operations: "operations:\n  metrics: /var/lib/node-exporter/tilanne.prom\n\n")
        let service = settings(Schedule(executable: "/srv/tilanne/.build/release/tilanne", config: config, time: "02:30", user: "tilanne").service)
        for setting in ["User=tilanne", "ProtectSystem=strict", "NoNewPrivileges=yes", "PrivateTmp=yes", "ProtectHome=yes", "PrivateDevices=yes",
                        "CapabilityBoundingSet=", "SystemCallFilter=@system-service", "RestrictAddressFamilies=AF_UNIX",
                        "ReadWritePaths=/srv/tilanne/Output /srv/tilanne/State /var/lib/node-exporter", "MemoryDenyWriteExecute=yes"] {
            #expect(service.contains(setting), "\(setting)")
        }
        // Nothing is mailed: no network.
        #expect(service.contains("PrivateNetwork=yes"))
    }

    @Test("Mail keeps the network (sendmail or msmtp reaches a smarthost); a project under /home is read-only, not hidden")
    func serviceFitsTheConfiguration() throws {
        var config = try installed(at: "/home/kuopio/tilanne")
        config.delivery = DeliveryConfig(sendmail: ["/usr/bin/msmtp", "-t"], from: "tilanne@kuopio.example", subject: "s", body: "b",
                                         alertTo: [], alertSubject: "a")
        config.outputs.formats.append(.pdf)
        let service = settings(Schedule(executable: "/usr/local/bin/tilanne", config: config, time: "02:30").service)
        #expect(service.contains("RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6"))
        #expect(!service.contains("PrivateNetwork=yes"))
        #expect(service.contains("ProtectHome=read-only"))
        #expect(service.contains("ReadWritePaths=/home/kuopio/tilanne/Output /home/kuopio/tilanne/State"))
        // Chromium's JavaScript engine needs writable executable memory for the PDF.
        #expect(!service.contains("MemoryDenyWriteExecute=yes"))
        // No user named: the unit says it would run as root rather than hiding it.
        #expect(!service.contains { $0.hasPrefix("User=") })
        #expect(Schedule(executable: "/usr/local/bin/tilanne", config: config, time: "02:30").service.contains("would run as root"))
    }
}

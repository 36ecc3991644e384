import Foundation
import Testing
@testable import TilanneCore

/// The one list of files a run writes (`FilePlan`), which publishing, the outputs check, the
/// groups' delivery and the configuration's place rules all read.
@Suite("File plan: every file a run writes, decided once")
struct FilePlanTests {
    static func snapshot(_ plan: FilePlan) -> String {
        plan.files.map { file in
            let edition = switch file.edition {
            case .council(let language): "council \(language.rawValue)"
            case .coordinator: "coordinator"
            case .group(let name, _): "group \(name)"
            }
            let path = file.folder.isEmpty ? file.name : "\(file.folder)/\(file.name)"
            return "\(edition) | \(file.renderer.format.rawValue) \(file.renderer.variant.rawValue) | \(path)"
        }.joined(separator: "\n") + "\n"
    }

    @Test("The shipped Kuopio config with a history, a frozen period before and a steering group")
    func shipped() throws {
        var config = try TestSupport.kuopioConfig()
        config.groups = [SteeringGroup(name: "Yritysryhmä", folder: "ohjausryhmat/yritys", items: [], responsible: [],
                                       formats: [.xlsx, .csv], email: [])]
        let plan = Pipeline(config: config).filePlan(
            council: .init(changes: true, indicators: true), coordinatorUpdates: true,
            groups: config.groups.map { ($0, FilePlan.Content(changes: true, indicators: false)) })
        let folder = try TestSupport.temporaryFolder()
        let actual = folder.appendingPathComponent("plan.txt")
        try Self.snapshot(plan).write(to: actual, atomically: true, encoding: .utf8)
        try RenderTests.expectMatchesReference(actual, "layout-file-plan.txt")
        // The council edition never carries the update list: it is the coordinator's.
        #expect(!plan.files.contains { if case .council = $0.edition { $0.renderer.variant == .updates } else { false } })
    }

    @Test("A group's delivery writes the files the run's plan lists for that group")
    func oneGroup() throws {
        var config = try TestSupport.kuopioConfig()
        config.groups = [SteeringGroup(name: "Yritysryhmä", folder: "ohjausryhmat/yritys", items: [], responsible: [],
                                       formats: [.xlsx, .csv], email: []),
                         SteeringGroup(name: "Yritysryhmä", folder: "ohjausryhmat/toinen", items: [], responsible: [],
                                       formats: [.html], email: [])]
        let content = FilePlan.Content(changes: true, indicators: false)
        let plan = Pipeline(config: config).filePlan(council: .reportsOnly, coordinatorUpdates: false,
                                                     groups: config.groups.map { ($0, content) })
        for group in config.groups {
            let alone = FilePlan.files(of: group, content: content, outputs: config.outputs, period: config.period,
                                       main: config.reportLanguages[0])
            let planned = plan.files(of: .of(group))
            #expect(!alone.isEmpty)
            #expect(alone.map { "\($0.folder)/\($0.name) \($0.renderer.format)" } == planned.map { "\($0.folder)/\($0.name) \($0.renderer.format)" })
        }
    }

    @Test("Formats chosen on the command line narrow both editions; the groups keep their own")
    func chosenFormats() throws {
        let config = try TestSupport.kuopioConfig()
        let plan = Pipeline(config: config).filePlan(formats: [.html], council: .reportsOnly, coordinatorUpdates: true)
        #expect(plan.files.map(\.name) == ["kasvava-kuopio-tilanne-1-2024.html", "kasvava-kuopio-tilanne-1-2024-sv.html"])
        let planned = Pipeline(config: config).plannedFiles(formats: [.csv], history: true, previousPeriod: false)
        #expect(planned.map(\.lastPathComponent) == [
            "kasvava-kuopio-tilanne-1-2024.csv", "kasvava-kuopio-tilanne-1-2024-mittarit.csv",
            "kasvava-kuopio-tilanne-1-2024-sv.csv", "kasvava-kuopio-tilanne-1-2024-indikatorer-sv.csv",
            "kasvava-kuopio-tilanne-1-2024-koordinaattori.csv", "kasvava-kuopio-tilanne-1-2024-paivitettavat.csv",
        ])
    }
}

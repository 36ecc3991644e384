import Foundation
import Testing
@testable import TilanneCore

/// The request workbooks, one per party, on the real Kuopio table.
@Suite("Update requests")
struct RequestTests {
    @Test("Without a parties register there are no requests: the command says which key is missing")
    func noRegister() throws {
        var config = try TestSupport.kuopioConfig()
        config.parties = nil
        #expect(throws: ConfigError.self) { try RequestRun(config: config).execute(out: nil) }
    }

    @Test("One request per party with exactly the rows naming it; the checksum catches an edited id")
    func requestsPerParty() throws {
        let config = try TestSupport.kuopioConfig()
        let programme = TestSupport.check(config)
        let requests = RequestBuilder(config: config, register: config.parties!).build(programme, history: nil, previous: nil)
        // Every registered party is named by some row of the table.
        #expect(requests.map(\.party.key) == config.parties!.parties.map(\.key))
        let byKey = Dictionary(uniqueKeysWithValues: requests.map { ($0.party.key, $0) })
        // Counted in the CSV: rows whose Vastuutaho names Yrityspalvelu or Yrityspalvelut (9 + 2).
        let business = try #require(byKey["yrityspalvelut"])
        #expect(business.rows.count == 11)
        #expect(business.rows.allSatisfy { $0.responsible.lowercased().contains("yrityspalvelu") })
        #expect(try #require(byKey["kasvu-ja-oppiminen"]).rows.count == 12)
        #expect(try #require(byKey["ktm"]).rows.map(\.action).count == 1)
        // Every row of the table is in the request of each of its parties, and in no other.
        for action in programme.actions {
            let keys = Set(action.row.responsible.compactMap { config.parties!.party(named: $0)?.key })
            let holders = Set(requests.filter { $0.rows.contains { $0.rowID == action.row.identity } }.map(\.party.key))
            #expect(holders == keys, "\(action.row.action)")
        }
        let row = business.rows[0]
        #expect(row.checksum.count == 8)
        #expect(row.checksum == RequestChecksum.of(id: row.rowID, period: "1/2024", programme: "kasvava-kuopio", party: "yrityspalvelut"))
        #expect(row.checksum != RequestChecksum.of(id: row.rowID + "x", period: "1/2024", programme: "kasvava-kuopio", party: "yrityspalvelut"))
        #expect(row.checksum != RequestChecksum.of(id: row.rowID, period: "1/2024", programme: "kasvava-kuopio", party: "elinvoima"))
        #expect(business.previousPeriod == nil && row.previousCode == nil)
        #expect(business.deadline == DocumentDate("2024-03-01"))
    }

    @Test("tilanne requests writes one workbook per party into the requests folder")
    func workbooks() throws {
        let output = try TestSupport.temporaryFolder()
        var config = try TestSupport.kuopioConfig()
        config.outputs.folder = output.path
        config.history = nil
        guard case .written(_, let requests, let files) = try RequestRun(config: config).execute(out: nil) else {
            Issue.record("the Kuopio table failed validation")
            return
        }
        let folder = output.appendingPathComponent("pyynnot/1-2024")
        #expect(files.count == requests.count)
        #expect(files.allSatisfy { $0.deletingLastPathComponent().standardizedFileURL == folder.standardizedFileURL })
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("pyynto-yrityspalvelut-1-2024.xlsx").path))
        let archive = try OfficeArchive(url: folder.appendingPathComponent("pyynto-yrityspalvelut-1-2024.xlsx"), expansionLimit: 1 << 28)
        #expect(archive.contains("xl/worksheets/sheet3.xml") && archive.contains("docProps/custom.xml"))
    }
}

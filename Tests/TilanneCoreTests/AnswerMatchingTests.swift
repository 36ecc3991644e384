import Foundation
import Testing
@testable import TilanneCore

/// The matching rules for returned request workbooks, on the Kuopio requests, with the
/// workbooks built in memory as the reader hands them on.
@Suite("Answers to update requests")
struct AnswerMatchingTests {
    let config: TilanneConfig
    let programme: ValidatedProgramme
    let requests: [PartyRequest]

    init() throws {
        config = try TestSupport.kuopioConfig()
        programme = TestSupport.check(config)
        requests = RequestBuilder(config: config, register: config.parties!).build(programme, history: nil, previous: nil)
    }

    var matcher: AnswerMatcher { AnswerMatcher(config: config, register: config.parties!, requests: requests) }

    func request(_ key: String) -> PartyRequest { requests.first { $0.party.key == key }! }

    static let columns = ReturnedColumns(id: 1, checksum: 2, action: 5, projects: 6, responsible: 7, newCode: 8, newStatus: 9,
                                         headers: [1: "Tunniste", 5: "Toimenpide", 8: "Uusi eteneminen 1/2024", 9: "Uusi tilanne 1/2024"])

    /// The party's request as it was sent, with `answers` by row index: (code, text).
    func returned(_ key: String, file: String? = nil, period: String = "1/2024", answers: [Int: (String, String)],
                  edit: (inout [ReturnedRow]) -> Void = { _ in }) -> ReturnedWorkbook {
        let request = request(key)
        var rows = request.rows.enumerated().map { index, row in
            ReturnedRow(row: 9 + index, rowID: row.rowID, checksum: row.checksum, action: row.action, projects: row.projects,
                        responsible: row.responsible, newCode: answers[index]?.0 ?? "", newStatus: answers[index]?.1 ?? "")
        }
        edit(&rows)
        return ReturnedWorkbook(file: file ?? "Vastaukset/pyynto-\(key).xlsx", sheet: "Päivitys",
                                meta: ["programme": request.programmeKey, "period": period, "party": key],
                                rows: rows, columns: Self.columns)
    }

    @Test("A valid answer is accepted; blank answer cells are no answer")
    func accepted() {
        let intake = matcher.match([returned("yrityspalvelut", answers: [0: ("+", "Valmis.\nToinen rivi – \"lainaus\""), 1: ("", "")])])
        #expect(ExpectedFindings.keys(intake.findings) == [])
        #expect(intake.accepted.count == 1)
        #expect(intake.accepted[0].code == "+" && intake.accepted[0].status == "Valmis.\nToinen rivi – \"lainaus\"")
        #expect(intake.status.answered == ["yrityspalvelut"])
        #expect(intake.status.missing.count == requests.count - 1)
        #expect(intake.status.openRows == intake.status.requestedRows - 1)
    }

    @Test("Each refused row is a finding at its cell, with a stable code")
    func refusals() {
        let long = String(repeating: "x", count: 32_768)
        let intake = matcher.match([returned("yrityspalvelut", answers: [0: ("++", ""), 1: ("+", long), 2: ("+", "a"), 3: ("+", "b"), 4: ("+", "c")]) { rows in
            rows[2].rowID += "x"
            rows[3].action = "Toinen teksti"
            rows[4] = ReturnedRow(row: 13, rowID: request("ktm").rows[0].rowID, checksum: request("ktm").rows[0].checksum,
                                  action: "", projects: "", responsible: "", newCode: "+", newStatus: "c")
        }])
        #expect(ExpectedFindings.keys(intake.findings) == [
            "answer.code-unknown@9", "answer.text-too-long@10", "answer.tampered-id@11", "answer.locked-changed@12", "answer.other-party@13",
        ])
        #expect(intake.findings.map { $0.location?.column } == [8, 9, 1, 5, 1])
        #expect(intake.findings.allSatisfy { $0.location?.file == "Vastaukset/pyynto-yrityspalvelut.xlsx" && $0.location?.sheet == "Päivitys" })
        #expect(intake.accepted.isEmpty && intake.status.refused == 5)
    }

    @Test("A request of another period is refused whole, with one finding")
    func otherPeriod() {
        let intake = matcher.match([returned("yrityspalvelut", period: "2/2023", answers: [0: ("+", "a"), 1: ("+", "b")])])
        #expect(ExpectedFindings.keys(intake.findings) == ["answer.other-period@-"])
        #expect(intake.accepted.isEmpty && intake.status.refused == 2)
    }

    @Test("Two different answers for one row: both refused, each naming the other; the same answer twice is one")
    func duplicates() {
        let first = returned("yrityspalvelut", file: "a.xlsx", answers: [0: ("+", "a"), 1: ("-", "same")])
        let second = returned("yrityspalvelut", file: "b.xlsx", answers: [0: ("?", "b"), 1: ("-", "same")])
        let intake = matcher.match([second, first])
        #expect(ExpectedFindings.keys(intake.findings) == ["answer.conflict@9", "answer.conflict@9"])
        #expect(intake.findings.map { $0.location?.file } == ["a.xlsx", "b.xlsx"])
        #expect(intake.findings[0].arguments == [.text("b.xlsx:Päivitys!9:9")])
        #expect(intake.accepted.map(\.rowID) == [request("yrityspalvelut").rows[1].rowID])
    }

    @Test("Accepted answers replace the code and text of their rows, and the findings about those cells")
    func merge() {
        let intake = matcher.match([returned("yrityspalvelut", answers: [0: ("-", "Uusi teksti.")])])
        let index = request("yrityspalvelut").rows[0].actionIndex
        let merged = AnswerMerger().merge(intake.accepted, into: programme)
        #expect(merged.actions[index].row.progress == .known(code: "-"))
        #expect(merged.actions[index].row.status == "Uusi teksti.")
        #expect(merged.actions.count == programme.actions.count)
    }
}

import Testing
@testable import TilanneCore

/// Who gets which update-request mail on a given day: the plan is made from the history's
/// records alone, so these cases are the rules a coordinator relies on.
@Suite struct RequestMailPlanTests {
    let deadline = DocumentDate("2024-03-01")!

    func request(_ key: String, email: [String], rows: Int = 2) -> PartyRequest {
        let row = RequestRow(rowID: "r", checksum: "c", place: "1", itemTitle: "", action: "", projects: "", responsible: key,
                             previousCode: nil, previousStatus: nil, currentCode: "", currentStatus: "")
        return PartyRequest(party: Party(key: key, name: key, email: email, language: .fi), programmeKey: "p", programmeName: "P",
                            period: "1/2024", previousPeriod: nil, deadline: deadline, statusLimit: 100, codes: [],
                            rows: Array(repeating: row, count: rows), placeColumn: "Tavoite")
    }

    func sent(_ party: String, _ address: String, _ kind: RequestMailKind, on day: String, _ outcome: RequestMailRecord.Outcome = .sent) -> RequestMailRecord {
        RequestMailRecord(period: "1/2024", party: party, recipient: address, kind: kind, day: day, sentAt: day, outcome: outcome, detail: "")
    }

    func plan(on day: String, _ requests: [PartyRequest], open: [String: Int] = [:], earlier: [RequestMailRecord] = [],
              mailedToday: Set<String> = []) -> RequestMailPlan {
        RequestMailPlanner(deadline: deadline, reminders: [-3, 0, 3], today: DocumentDate(day)!)
            .plan(requests, files: [:], openRows: open, earlier: earlier, mailedToday: mailedToday)
    }

    @Test func calendarDaysCountLeapDays() {
        #expect(deadline.adding(days: -3).isoText == "2024-02-27")
        #expect(DocumentDate("2024-02-27")!.days(from: deadline) == -3)
        #expect(DocumentDate("2023-12-30")!.adding(days: 3).isoText == "2024-01-02")
    }

    @Test func anAddressSharedByTwoPartiesGetsOneMailADay() {
        let result = plan(on: "2024-02-15", [request("a", email: ["Yksi <yhteinen@x.fi>"]), request("b", email: ["yhteinen@x.fi"])])
        #expect(result.mails.map(\.party) == ["a"])
        #expect(result.mails.first?.address == "yhteinen@x.fi")
        #expect(result.skipped == [.init(party: "b", address: "yhteinen@x.fi", reason: .mailedToday)])
        // The next day the second party's request goes out.
        let next = plan(on: "2024-02-16", [request("a", email: ["yhteinen@x.fi"]), request("b", email: ["yhteinen@x.fi"])],
                        earlier: [sent("a", "yhteinen@x.fi", .request, on: "2024-02-15")])
        #expect(next.mails.map(\.party) == ["b"])
        #expect(next.mails.first?.kind == .request)
    }

    @Test func aFailedRequestIsTriedAgainAndDoesNotCountForTheDay() {
        let result = plan(on: "2024-02-15", [request("a", email: ["a@x.fi"])],
                          earlier: [sent("a", "a@x.fi", .request, on: "2024-02-15", .failed)])
        #expect(result.mails.map(\.kind) == [.request])
    }

    @Test func missedReminderDaysAreCaughtUpOnce() {
        let earlier = [sent("a", "a@x.fi", .request, on: "2024-02-01"), sent("a", "a@x.fi", .reminder, on: "2024-02-27")]
        let late = plan(on: "2024-03-10", [request("a", email: ["a@x.fi"])], open: ["a": 1], earlier: earlier)
        #expect(late.mails.map(\.kind) == [.reminder])
        #expect(late.mails.first?.daysToDeadline == -9)
        #expect(late.mails.first?.openRows == 1)
        let again = plan(on: "2024-03-11", [request("a", email: ["a@x.fi"])], open: ["a": 1],
                         earlier: earlier + [sent("a", "a@x.fi", .reminder, on: "2024-03-10")])
        #expect(again.mails.isEmpty)
        #expect(again.skipped.map(\.reason) == [.notDue])
    }

    @Test func aPartyWhoseRowsAreAllAnsweredIsNotReminded() {
        let result = plan(on: "2024-03-01", [request("a", email: ["a@x.fi"])], open: ["a": 0],
                          earlier: [sent("a", "a@x.fi", .request, on: "2024-02-01")])
        #expect(result.mails.isEmpty)
        #expect(result.skipped.map(\.reason) == [.answered])
    }

    @Test func aRequestSentOnAReminderDayIsThatDaysMail() {
        let result = plan(on: "2024-03-01", [request("a", email: ["a@x.fi"])])
        #expect(result.mails.map(\.kind) == [.request])
        let after = plan(on: "2024-03-02", [request("a", email: ["a@x.fi"])], earlier: [sent("a", "a@x.fi", .request, on: "2024-03-01")])
        #expect(after.mails.isEmpty)
    }

    @Test func anAddressThatDoesNotParseIsSkippedWithItsReason() {
        let result = plan(on: "2024-02-15", [request("a", email: ["ei osoite"])])
        #expect(result.mails.isEmpty)
        #expect(result.skipped.map(\.reason) == [.badAddress])
    }
}

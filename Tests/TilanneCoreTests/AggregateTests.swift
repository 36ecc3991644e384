import Foundation
import Testing
@testable import TilanneCore

@Suite("Aggregate: the report model")
struct AggregateTests {
    @Test("Kuopio: 77 actions under 13 goals and 4 themes, counted per code")
    func kuopioCounts() throws {
        let config = try TestSupport.kuopioConfig()
        let model = Pipeline(config: config).report(from: TestSupport.check(config))
        #expect(model.themes.count == 4)
        #expect(model.themes.flatMap(\.goals).count == 13)
        #expect(model.allActions.count == 77)
        #expect(model.themes.map { $0.goals.map(\.goalNumber) } == [[1, 2, 3, 4, 5], [6, 7, 8], [9, 10, 11], [12, 13]])
        #expect(model.totals.byCode.map(\.count) == [51, 11, 8, 4])
        #expect(model.totals.unknown == [.init(code: "+?", count: 3, share: 0.038961)])
        #expect(model.totals.byCode[0].share == 0.662338)
        // 6 of 11 is shown as 54,5 %: the share is rounded once, when it is shown.
        #expect(ReportStrings(language: .fi).percent(Aggregator.count(Array(repeating: ProgressCell(code: "+", label: nil, colour: nil, status: .known), count: 6) + Array(repeating: ProgressCell(code: "-", label: nil, colour: nil, status: .known), count: 5), legend: config.legend).byCode[0].share) == "54,5\u{00A0}%")
        #expect(model.totals.total == 77)
        // Goal and theme counts add up to the programme's.
        for theme in model.themes {
            #expect(theme.counts.total == theme.goals.reduce(0) { $0 + $1.counts.total })
        }
        #expect(model.themes.reduce(0) { $0 + $1.counts.total } == 77)
        let goal2 = model.themes[0].goals[1]
        #expect(goal2.bindingGoal?.text == "Kehitetään yrityksille suunnattuja palveluja yhteistyössä kumppanien kanssa")
        #expect(goal2.title == "Yrityskannan ja työpaikka-määrän kasvattaminen") // the register's official title
    }

    @Test("A steering group's slice: its theme's goals, or its party's actions, with counts recounted")
    func slice() throws {
        let config = try TestSupport.kuopioConfig()
        let model = Pipeline(config: config).report(from: TestSupport.check(config))
        let theme = SteeringGroup(name: "Elinvoima", folder: "e", items: TestSupport.items(config, ["kilpailukykyinen  yrittäjyysympäristö"]),
                                  responsible: [], formats: [.xlsx], email: [])
        let byTheme = model.slice(for: theme)
        #expect(byTheme.themes.map(\.title) == ["KILPAILUKYKYINEN YRITTÄJYYSYMPÄRISTÖ"])
        #expect(byTheme.themes[0].goals.map(\.goalNumber) == [1, 2, 3, 4, 5])
        #expect(byTheme.totals.total == byTheme.allActions.count)
        #expect(byTheme.programme.name == "Kasvava Kuopio -toimenpideohjelma – Elinvoima")
        // The theme's findings and no others: goal 3's differing title (row 16) is its own; goal 11's (row 66),
        // the missing texts of rows 45–56 and the unknown codes elsewhere belong to other themes.
        let themeRows = Set(byTheme.allActions.compactMap(\.source.row))
        #expect(byTheme.diagnostics.map { "\($0.code.rawValue)@\($0.location?.row ?? 0)" } == ["goal.title-differs@16"])
        #expect(model.diagnostics.filter { themeRows.contains($0.location?.row ?? 0) }.count == byTheme.diagnostics.count)
        let party = SteeringGroup(name: "Työllisyys", folder: "t", items: TestSupport.items(config, ["12"]), responsible: ["Työllisyyspalvelut"],
                                  formats: [.xlsx], email: [])
        let byParty = model.slice(for: party)
        let actions = byParty.allActions
        #expect(actions.allSatisfy { $0.responsible.contains("Työllisyyspalvelut") || $0.goalNumber == 12 })
        #expect(actions.contains { $0.goalNumber == 12 })
        #expect(byParty.totals.total == actions.count)
        let partyRows = Set(actions.compactMap(\.source.row))
        #expect(byParty.diagnostics.map(\.code) == model.diagnostics.filter { partyRows.contains($0.location?.row ?? 0) }.map(\.code))
    }
}

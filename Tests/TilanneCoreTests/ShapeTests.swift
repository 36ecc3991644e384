import Foundation
import Testing
@testable import TilanneCore

@Suite("Table shapes")
struct ShapeTests {
    /// The sectioned fixture is made by Fixtures/make_fixtures.py: the printed council layout,
    /// saved as Windows-1252 with ',' and CRLF.
    @Test("The sectioned council table gives the same report model as the flat table")
    func sectionedEqualsFlat() throws {
        let flatConfig = try TestSupport.kuopioConfig()
        var sectionedConfig = flatConfig
        sectionedConfig.sources[0].path = try TestSupport.alone(TestSupport.fixtures.appendingPathComponent("kuopio-sectioned-cp1252.csv")).path
        TestSupport.makeSectioned(&sectionedConfig)
        let flat = Pipeline(config: flatConfig).report(from: TestSupport.check(flatConfig))
        let sectionedProgramme = TestSupport.check(sectionedConfig)
        let sectioned = Pipeline(config: sectionedConfig).report(from: sectionedProgramme)

        #expect(sectionedProgramme.sources[0].encoding == .windows1252)
        #expect(sectionedProgramme.sources[0].delimiter == ",")
        #expect(sectionedProgramme.accounting.reported == 77)
        #expect(sectionedProgramme.accounting.rejected == 0)
        #expect(sectionedProgramme.accounting.isBalanced)
        #expect(TestSupport.essence(sectioned) == TestSupport.essence(flat))
        #expect(sectioned.totals == flat.totals)
        #expect(sectioned.themes.flatMap(\.goals).map(\.bindingGoal?.text) == flat.themes.flatMap(\.goals).map(\.bindingGoal?.text))
        // The same findings about the data, located in each file's own rows.
        let codes = { (programme: ValidatedProgramme) in programme.diagnostics.map(\.code).filter { $0 != .sourceEncodingFallback } }
        #expect(codes(sectionedProgramme) == codes(TestSupport.check(flatConfig)))
    }
}

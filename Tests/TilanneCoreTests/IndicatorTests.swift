import Foundation
import Testing
@testable import TilanneCore

/// The Kuopio report's indicators from the files in Input/mittarit (PX, JSON-stat, Sotkanet
/// CSV, a coordinator's workbook and a real StatFin PX): values, status, and the findings a
/// coordinator gets for a wrong selection, a changed unit or impossible years.
@Suite("Indicators: series, status and findings")
struct IndicatorTests {
    static func kuopio() throws -> (ValidatedProgramme, ReportModel) { TestSupport.model(try TestSupport.kuopioConfig()) }

    static func indicator(_ model: ReportModel, _ id: String) -> IndicatorReport? { model.indicators?.first { $0.id == id } }

    @Test("Population from the PX file: baseline 2019, latest 2023, share of the way to 130 000")
    func population() throws {
        let (programme, model) = try Self.kuopio()
        let report = try #require(Self.indicator(model, "vakiluku"), "\(programme.diagnostics.filter { $0.code.rawValue.contains("indic") || $0.code.rawValue.contains("stat") }.map(\.message))")
        #expect(report.baseline?.value == 119282 && report.baseline?.year == 2019)
        #expect(report.latest?.value == 124025 && report.latest?.period == "2023")
        #expect(report.change == 4743)
        #expect(report.unit == "henkilöä")
        let progress = try #require(report.progress)
        #expect(abs(progress - 4743.0 / 10718.0) < 1e-6)
        #expect(abs((report.expectedProgress ?? 0) - 4.0 / 11.0) < 1e-6)
        #expect(report.status == .onTrack)
        #expect(report.series.count == 7)
        #expect(report.theme == "KILPAILUKYKYINEN YRITTÄJYYSYMPÄRISTÖ")
    }
}


import Foundation

/// A renderer turns the format-neutral `ReportModel` into one file. It writes to the path it
/// is given (a temporary file); publishing it under its real name is the publisher's job.
public protocol ReportRenderer: Sendable {
    var format: OutputFormat { get }
    /// Which of the files of that format: the report itself, or a list beside it.
    var variant: ReportVariant { get }
    func render(_ model: ReportModel, to url: URL) throws
}

extension ReportRenderer {
    public var variant: ReportVariant { .report }
}

/// The files a run can write per format: the report, and with a history the list of changes
/// and the list of rows to update (CSV), each named after the report's file.
public enum ReportVariant: String, Sendable {
    case report
    case changes
    case updates
    case indicators

    /// The suffix put before the extension: `…-1-2024-muutokset.csv`.
    public func suffix(_ language: ReportLanguage) -> String {
        switch (self, language) {
        case (.report, _): ""
        case (.changes, .fi): "-muutokset"
        case (.changes, .sv): "-forandringar"
        case (.changes, .en): "-changes"
        case (.updates, .fi): "-paivitettavat"
        case (.updates, .sv): "-att-uppdatera"
        case (.updates, .en): "-updates"
        case (.indicators, .fi): "-mittarit"
        case (.indicators, .sv): "-indikatorer"
        case (.indicators, .en): "-indicators"
        }
    }
}

/// Why a report file could not be written. Always stops the run: no partial report is published.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    /// The operator's most common problems, typed so that the console says them in the
    /// configuration's language; `problem` is the same in English, for the logs.
    public enum Reason: Sendable {
        /// The output folder cannot be made; the system's own words as detail.
        case cannotCreateFolder(String)
        case cannotOpenLock(String)
    }

    public var path: String
    public var problem: String
    public var reason: Reason?

    public init(path: String, problem: String, reason: Reason? = nil) {
        self.path = path
        self.problem = problem
        self.reason = reason
    }

    public var description: String { "\(path): \(problem)" }
}

import Foundation

/// A renderer turns the format-neutral `ReportModel` into one file. It writes to the path it
/// is given (a temporary file); publishing it under its real name is the publisher's job.
public protocol ReportRenderer: Sendable {
    var format: OutputFormat { get }
    func render(_ model: ReportModel, to url: URL) throws
}

/// Why a report file could not be written. Always stops the run: no partial report is published.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var problem: String

    public init(path: String, problem: String) {
        self.path = path
        self.problem = problem
    }

    public var description: String { "\(path): \(problem)" }
}
